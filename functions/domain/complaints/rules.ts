import { Conflict, Invalid } from '../errors.ts';
import type { CaseAction } from '../cases/actions.ts';
import type { ChangeBuilder } from '../cases/change.ts';
import { closeDeadline } from '../cases/deadlines.ts';
import type { KindRules } from '../cases/kind-rules.ts';
import { shanghaiDate, toShanghaiIso } from '../calendar/index.ts';
import { categories } from './categories.ts';
import { complaintKind } from './definition.ts';
import type { ComplaintCase } from './model.ts';

/** A complaint's own actions (the core decides assign, note, urge, extend, conclude-review). */
export type ComplaintAction =
  | { type: 'accept'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'transfer'; reason: string; toUnit?: string; toExternal?: string }
  | { type: 'dispose'; result: string };

type B = ChangeBuilder<ComplaintCase>;

/** Closes the named deadlines at once: `met` when this action fulfils them, `void` when it makes them moot. */
function settle(b: B, outcome: 'met' | 'void', ...names: string[]) {
  for (const name of names) b.setDeadline(name, closeDeadline(b.deadline(name), outcome, b.ctx.now));
}

function transfer(b: B, action: Extract<ComplaintAction, { type: 'transfer' }>) {
  const c = b.before;
  if (!!action.toUnit === !!action.toExternal) {
    throw new Invalid('toUnit', '请填写转办单位（本机关科室或其他机关，二选一）', 'Give either toUnit or toExternal');
  }
  b.next.transfer = { reason: action.reason, at: b.at, ...(action.toUnit ? { toUnit: action.toUnit } : { toExternal: action.toExternal! }) };
  settle(b, 'met', 'transfer');
  if (action.toUnit) {
    const target = b.ctx.units.find((u) => u.code === action.toUnit);
    if (!target) throw new Invalid('toUnit', `没有这个单位：${action.toUnit}`, `Unknown unit: ${action.toUnit}`);
    if (target.code === c.unit) throw new Conflict('案件已在该单位办理', 'The case is already with that unit');
    b.next.unit = target.code;
    delete b.next.assignee;
    delete b.next.assigneeName;
    delete b.next.assigneeEmail;
    b.event('transferred', { publicNote: `转交${target.name}办理`, publicNoteEn: `Passed to ${target.nameEn ?? target.name}`, internalNote: action.reason });
    b.notify('transfer-in', { kind: 'unit', unit: target.code }, { reason: action.reason });
    b.notifyCitizen('transferred', { toName: target.name });
    return;
  }
  // To another agency: the case ends here.
  b.next.status = 'transferred';
  settle(b, 'met', 'acceptance');
  settle(b, 'void', 'disposition');
  b.event('transferred', { publicNote: `转交${action.toExternal}办理`, publicNoteEn: `Passed to ${action.toExternal}`, internalNote: action.reason });
  b.notifyCitizen('transferred', { toName: action.toExternal! });
}

function decide(b: B, requested: CaseAction) {
  const action = requested as ComplaintAction;
  switch (action.type) {
    case 'accept':
      b.next.status = 'accepted';
      settle(b, 'met', 'acceptance');
      // Accepted here means this unit is competent: there is nothing left to transfer.
      settle(b, 'void', 'transfer');
      b.event('accepted', action.note ? { internalNote: action.note } : {});
      // 受理告知: the receipt only acknowledged the complaint; now the reporter learns it was accepted.
      b.notifyCitizen('accepted', { acceptedDate: shanghaiDate(b.at) });
      return;
    case 'reject':
      b.next.status = 'not-accepted';
      b.next.notAcceptedReason = action.reason;
      settle(b, 'met', 'acceptance');
      settle(b, 'void', 'transfer', 'disposition');
      b.event('not-accepted', { publicNote: action.reason });
      b.notifyCitizen('not-accepted', { reason: action.reason });
      return;
    case 'transfer':
      transfer(b, action);
      return;
    case 'dispose':
      b.next.status = 'disposed';
      b.next.result = { text: action.result, at: b.at };
      settle(b, 'met', 'disposition');
      settle(b, 'void', 'transfer');
      b.event('disposed', { publicNote: action.result });
      if (b.before.wantsReply) b.notifyCitizen('result', { result: action.result });
      return;
  }
}

export const complaintRules = {
  definition: complaintKind,
  decide,
  noticeVars: (c) => {
    const category = categories.find((k) => k.code === c.category);
    return { category: category?.zh ?? c.category, categoryEn: category?.en ?? c.category };
  },
  citizenFields: (c) => ({
    category: c.category,
    ...(c.notAcceptedReason ? { notAcceptedReason: c.notAcceptedReason } : {}),
    ...(c.result ? { result: c.result.text, disposedAt: toShanghaiIso(c.result.at) } : {}),
  }),
  staffFields: (c) => ({
    description: c.description,
    respondentUnit: c.respondentUnit,
    wantsReply: c.wantsReply,
    anonymous: c.anonymous,
    publicityConsent: c.publicityConsent,
    ...(c.notAcceptedReason ? { notAcceptedReason: c.notAcceptedReason } : {}),
    ...(c.transfer ? { transfer: c.transfer } : {}),
    ...(c.result ? { result: c.result } : {}),
  }),
  summaryFields: (c) => ({ category: c.category }),
} satisfies KindRules<ComplaintCase>;
