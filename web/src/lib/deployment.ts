import { useEffect, useState } from 'preact/hooks';
import { call } from './api.ts';

/** What this deployment offers the forms (GET /v1/config): SMS for a phone alone, files at all. */
export interface Deployment {
  sms: boolean;
  attachments: boolean;
}

let cached: Promise<Deployment> | undefined;

/** Asked once per page load; until it answers (or if it fails) everything is assumed on, as the server still decides. */
export function useDeployment(): Deployment | undefined {
  const [d, setD] = useState<Deployment>();
  useEffect(() => {
    cached ??= call<Deployment>('GET', '/v1/config').catch(() => ({ sms: true, attachments: true }));
    let live = true;
    void cached.then((x) => live && setD(x));
    return () => {
      live = false;
    };
  }, []);
  return d;
}
