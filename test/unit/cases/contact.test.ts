import { describe, expect, it } from 'vitest';
import { contactRequestView, decideContactRequest, fileContactRequest, revealContact, type StaffActor } from '../../../functions/domain/index.ts';

const handler: StaffActor = { sub: 'h1', name: '王办理', groups: ['handler'], unit: 'office' };
const custodian: StaffActor = { sub: 'c1', name: '钱保管', groups: ['custodian'], unit: 'office' };
const c = { caseId: 'case-1', unit: 'office', reporterRef: 'ref' };
const t0 = new Date('2026-11-02T01:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3600_000);

const filed = () => fileContactRequest(c, [], handler, { requestId: 'r1', field: 'phone', reason: '核实线索' }, t0).request;

describe('contact by exception (domain)', () => {
  it('only staff who handle and can see the case may ask, and only where there is a vault entry', () => {
    expect(() => fileContactRequest(c, [], { ...handler, unit: 'policy' }, { requestId: 'r', field: 'phone', reason: 'x' }, t0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => fileContactRequest(c, [], custodian, { requestId: 'r', field: 'phone', reason: 'x' }, t0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => fileContactRequest({ caseId: 'a', unit: 'office' }, [], handler, { requestId: 'r', field: 'phone', reason: 'x' }, t0)).toThrow(expect.objectContaining({ code: 'conflict' }));
    const { request, event } = fileContactRequest(c, [], handler, { requestId: 'r1', field: 'phone', reason: '核实线索' }, t0);
    expect(request.status).toBe('pending');
    expect(event).toMatchObject({ event: 'contact-requested', actor: { sub: 'h1' } });
    expect(event.internalNote).toContain('核实线索');
  });

  it('a custodian decides, never on their own request, once', () => {
    expect(() => decideContactRequest(filed(), handler, { decision: 'approve' }, t0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const both = { ...custodian, sub: 'h1', groups: ['handler', 'custodian'] };
    expect(() => decideContactRequest(filed(), both, { decision: 'approve' }, t0)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const approved = decideContactRequest(filed(), custodian, { decision: 'approve' }, t0).request;
    expect(approved.expiresAt).toBe('2026-11-03T01:00:00.000Z');
    expect(() => decideContactRequest(approved, custodian, { decision: 'refuse' }, t0)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('reveals to the requester once within 24 hours: 409 before approval or after refusal, 410 after', () => {
    expect(() => revealContact(filed(), handler, t0)).toThrow(expect.objectContaining({ code: 'conflict' }));
    const refused = decideContactRequest(filed(), custodian, { decision: 'refuse' }, t0).request;
    expect(() => revealContact(refused, handler, t0)).toThrow(expect.objectContaining({ code: 'conflict' }));
    const approved = decideContactRequest(filed(), custodian, { decision: 'approve' }, t0).request;
    expect(() => revealContact(approved, custodian, later(1))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => revealContact(approved, handler, later(24))).toThrow(expect.objectContaining({ code: 'gone' }));
    const { request, event } = revealContact(approved, handler, later(23));
    expect(event.event).toBe('contact-revealed');
    expect(() => revealContact(request, handler, later(23))).toThrow(expect.objectContaining({ code: 'gone' }));
    expect(Object.keys(contactRequestView(request))).not.toContain('value');
  });
});
