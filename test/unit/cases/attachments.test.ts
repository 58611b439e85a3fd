import { describe, expect, it } from 'vitest';
import { attach, citizenMaySee, MAX_ATTACHMENTS_PER_CASE, scanState, type AttachmentRef } from '../../../functions/domain/index.ts';

const ref = (id: string): AttachmentRef => ({ id, contentType: 'application/pdf', size: 10 });
const AT = '2026-11-02T01:00:00.000Z';

describe('attachments in the domain', () => {
  it('only NO_THREATS_FOUND is clean; no tag yet is pending; THREATS_FOUND a threat; anything else failed', () => {
    expect(scanState('NO_THREATS_FOUND')).toBe('clean');
    expect(scanState(undefined)).toBe('pending');
    expect(scanState('THREATS_FOUND')).toBe('threat');
    expect(scanState('UNSUPPORTED')).toBe('failed');
    expect(scanState('ACCESS_DENIED')).toBe('failed');
  });

  it('attach marks who added each file with what, keeps the earlier ones, ignores a file twice and caps the case', () => {
    const first = attach({ attachments: [ref('a')] }, [ref('b'), ref('a')], { by: 'staff', action: 'note', at: AT });
    expect(first.attachments).toEqual([ref('a'), { ...ref('b'), addedBy: 'staff', action: 'note', addedAt: AT }]);
    const full = { attachments: Array.from({ length: MAX_ATTACHMENTS_PER_CASE }, (_, i) => ref(`f${i}`)) };
    expect(() => attach(full, [ref('one-more')], { by: 'citizen', action: 'clarification', at: AT })).toThrow(/最多 30 个附件/);
    const same = { attachments: [ref('a')] };
    expect(attach(same, [], { by: 'staff', action: 'note', at: AT })).toBe(same);
  });

  it("the citizen sees their own files and decisions' documents, a reply's only once it went out, never internal ones", () => {
    const staff = (action: string): AttachmentRef => ({ ...ref(action), addedBy: 'staff', action });
    expect(citizenMaySee({ status: 'received' }, ref('own'))).toBe(true);
    expect(citizenMaySee({ status: 'received' }, { ...ref('c'), addedBy: 'citizen', action: 'clarification' })).toBe(true);
    expect(citizenMaySee({ status: 'received' }, staff('intake'))).toBe(true);
    expect(citizenMaySee({ status: 'disposed' }, staff('dispose'))).toBe(true);
    expect(citizenMaySee({ status: 'received' }, staff('note'))).toBe(false);
    expect(citizenMaySee({ status: 'replied' }, staff('review'))).toBe(false);
    expect(citizenMaySee({ status: 'in-review' }, staff('draft-reply'))).toBe(false);
    expect(citizenMaySee({ status: 'awaiting-approval' }, staff('draft-reply'))).toBe(false);
    expect(citizenMaySee({ status: 'replied' }, staff('draft-reply'))).toBe(true);
  });
});
