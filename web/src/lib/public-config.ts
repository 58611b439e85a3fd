import type { PublicAgency } from '../../../functions/shared/agency.ts';
import { call } from './api.ts';

export interface PublicConfig {
  sms: boolean;
  agency: PublicAgency;
}

let loaded: Promise<PublicConfig> | undefined;

/** GET /v1/config, once per page load (again after a failure). */
export function loadPublicConfig(): Promise<PublicConfig> {
  loaded ??= call<PublicConfig>('GET', '/v1/config').catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}
