import { WorkingCalendar } from '../../../functions/domain/calendar/index.ts';
import { receiveComplaint, type ComplaintCase, type StaffActor, type Unit } from '../../../functions/domain/index.ts';

export const calendar = new WorkingCalendar();
export const units: Unit[] = [
  { code: 'office', name: '办公室', email: 'office@example.gov.cn' },
  { code: 'policy', name: '政策法规科', email: 'policy@example.gov.cn' },
];
export const handler: StaffActor = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };
export const otherUnitHandler: StaffActor = { sub: 'h2', name: '李科员', groups: ['handler'], unit: 'policy' };
export const supervisor: StaffActor = { sub: 's1', name: '赵督办', groups: ['supervisor'], unit: 'office' };

export const ctx = (now: string) => ({ now: new Date(now), calendar, units });

/** A named, reachable complaint received Wednesday 2026-09-30 10:00 Shanghai. */
export function received(overrides: { reachable?: boolean; wantsReply?: boolean; at?: string } = {}): ComplaintCase {
  return receiveComplaint(
    {
      category: 'late-disclosure',
      subject: '预算未按期公开',
      description: '2026 年部门预算至今未公开。',
      respondentUnit: '某局',
      wantsReply: overrides.wantsReply ?? true,
      anonymous: false,
      publicityConsent: false,
    },
    {
      ...ctx(overrides.at ?? '2026-09-30T10:00:00+08:00'),
      channel: 'web',
      intakeUnit: 'office',
      caseId: '00000000-0000-4000-8000-000000000001',
      trackingNo: 'TS20260930-ABCDEF',
      accessCodeHash: 'x',
      reporterRef: 'ref-1',
      reporterReachable: overrides.reachable ?? true,
    },
  ).next;
}

/** The domain error's code a call throws (`forbidden`, `conflict`, `validation`, …), or 'ok'. */
export const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'ok';
};
