import { shanghaiDate } from '../../../functions/domain/calendar/civil-date.ts';
import { lang, t } from './i18n.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHANGHAI_MS = 8 * 3600 * 1000;

/** A Shanghai civil date 'YYYY-MM-DD' as people write it: 2026年10月10日 / 10 Oct 2026. */
export function formatCivilDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return lang() === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The Shanghai date of an instant, whatever the browser's time zone. */
export const formatDate = (iso: string): string => formatCivilDate(shanghaiDate(iso));

export function formatDateTime(iso: string): string {
  const hhmm = new Date(Date.parse(iso) + SHANGHAI_MS).toISOString().slice(11, 16);
  return `${formatDate(iso)} ${hhmm}`;
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export const workingDays = (n: number): string => t(`${n} 个工作日`, n === 1 ? '1 working day' : `${n} working days`);

/** A due date the API gives either as a civil date or as an instant. */
export const formatDue = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCivilDate(value) : formatDate(value));
