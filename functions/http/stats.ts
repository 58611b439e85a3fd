import { endOfDay, startOfDay } from '../domain/calendar/index.ts';
import { unitStats } from '../services/queries.ts';
import { ApiError } from '../shared/errors.ts';
import { staffRoute } from '../shared/http.ts';
import { statsQuery } from '../shared/schemas/cases.ts';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Per-unit performance (考核): received, on time, overdue, on-time rate, ratings. Default: the last 365 days. */
export const handler = staffRoute({ route: 'GET /v1/stats', query: statsQuery }, async ({ query, now }) => {
  const to = query.to ? new Date(query.to.length === 10 ? endOfDay(query.to) : query.to) : now;
  const from = query.from ? new Date(query.from.length === 10 ? startOfDay(query.from) : query.from) : new Date(to.getTime() - YEAR_MS);
  if (from > to) throw new ApiError('validation', '开始时间不能晚于结束时间', '`from` must not be after `to`', [{ path: 'from', message: '开始时间不能晚于结束时间' }]);
  return { body: await unitStats(from, to, now) };
});
