import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import type { Unit } from '../lib/types.ts';

let units: Promise<Unit[]> | undefined;

/** The configured units (GET /v1/units), fetched once per page load. */
export function loadUnits(): Promise<Unit[]> {
  units ??= call<{ items: Unit[] }>('GET', '/v1/units').then(
    (r) => r.items,
    (err: unknown) => {
      units = undefined;
      throw err;
    },
  );
  return units;
}

export const useUnits = () => useLoad(loadUnits, []);

/** The unit's name in the page's language. */
export const unitName = (list: Unit[] | undefined, code: string) => {
  const u = list?.find((x) => x.code === code);
  return u ? t(u.name, u.nameEn ?? u.name) : code;
};
