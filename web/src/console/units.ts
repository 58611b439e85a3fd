import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
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

export const unitName = (list: Unit[] | undefined, code: string) => list?.find((u) => u.code === code)?.name ?? code;
