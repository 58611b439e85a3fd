import { describe, expect, it } from 'vitest';
import { digestMails, type DigestItem } from '../../../functions/domain/index.ts';

const units = [
  { code: 'office', name: '办公室', email: 'office@example.gov.cn' },
  { code: 'policy', name: '政策法规科' },
  { code: 'finance', name: '财务科', email: 'finance@example.gov.cn' },
];
const item = (trackingNo: string, unit: string, deadlineLabel: string, workingDaysOverdue = 0): DigestItem => ({
  trackingNo, unit, kindLabel: '投诉举报', deadlineLabel, dueDate: '2026-11-05', workingDaysOverdue, subject: '预算未公开',
});

describe('daily digest mails', () => {
  it('one per unit with something pending, each case once under its most pressing deadline, to the unit and the supervisors', () => {
    const mails = digestMails(
      '2026-11-09',
      [item('TS1', 'office', '受理期限', 2), item('TS1', 'office', '转办期限', 1)],
      [item('TS1', 'office', '办结期限'), item('TS2', 'office', '办结期限'), item('TS3', 'policy', '答复期限')],
      units,
      ['boss@example.gov.cn'],
      'https://x.example.gov.cn/console/supervision',
    );
    expect(mails.map((m) => m.to)).toEqual([['office@example.gov.cn', 'boss@example.gov.cn'], ['boss@example.gov.cn']]);
    expect(mails[0]!.subject).toBe('【每日督办提醒】办公室 2026-11-09：逾期 1 件，即将到期 1 件');
    expect(mails[0]!.text.match(/TS1/g)).toHaveLength(1);
    expect(mails[0]!.text).toContain('受理期限 2026-11-05，已逾期 2 个工作日');
  });

  it('sends nothing when nothing is pending', () => {
    expect(digestMails('2026-11-09', [], [], units, ['boss@example.gov.cn'], 'u')).toEqual([]);
  });
});
