import type { Actor, CaseRecord, Change, DeadlineState, DomainContext, NoticeIntent, Recipient } from './model.ts';

type EventExtra = Partial<Pick<Change['events'][number], 'publicNote' | 'publicNoteEn' | 'internalNote' | 'deadline'>>;

/**
 * Collects what one decision does to a case: the next version, its ledger lines and the notices
 * they cause (each notice carries the kind's template variables). `build()` is the pure `Change`
 * the caller commits with its outbox in one transaction.
 */
export class ChangeBuilder<C extends CaseRecord = CaseRecord> {
  readonly next: C;
  readonly at: string;
  private readonly events: Change['events'] = [];
  private readonly notices: NoticeIntent[] = [];

  constructor(
    readonly before: C,
    readonly actor: Actor,
    readonly ctx: DomainContext,
    private readonly vars: (c: C) => Record<string, string>,
  ) {
    this.next = { ...before, deadlines: { ...before.deadlines }, version: before.version + 1 };
    this.at = ctx.now.toISOString();
  }

  event(type: string, extra: EventExtra = {}, actor: Actor = this.actor): this {
    this.events.push({ at: this.at, event: type, actor, ...extra });
    return this;
  }

  /** Queues a notice; its id is unique per case version, template and recipient, so a retry cannot send it twice. */
  notify(template: string, to: Recipient, vars: Record<string, string> = {}, id = `v${this.next.version}-${template}-${recipientKey(to)}`): this {
    this.notices.push({ noticeId: id, template, to, vars: { ...this.vars(this.next), ...vars } });
    return this;
  }

  /**
   * The citizen. One who cannot be reached (anonymous, or no channel) still gets the notice
   * issued, marked not to be delivered: official notices are numbered and kept with the case,
   * where the tracking page shows them.
   */
  notifyCitizen(template: string, vars: Record<string, string> = {}): this {
    this.notify(template, { kind: 'reporter' }, vars);
    if (!this.next.reporterReachable) this.notices[this.notices.length - 1]!.deliver = false;
    return this;
  }

  /** The assigned handler where the case has one with an address, else the unit's mailbox. */
  handlerRecipient(): Recipient {
    return this.next.assigneeEmail ? { kind: 'email', email: this.next.assigneeEmail } : { kind: 'unit', unit: this.next.unit };
  }

  deadline(name: string): DeadlineState | undefined {
    return this.next.deadlines[name];
  }

  setDeadline(name: string, d: DeadlineState | undefined): this {
    this.next.deadlines[name] = d;
    return this;
  }

  build(): Change<C> {
    return { next: this.next, events: this.events, notices: this.notices };
  }
}

export function recipientKey(to: Recipient): string {
  return to.kind === 'unit' ? `unit-${to.unit}` : to.kind;
}
