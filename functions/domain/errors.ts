/**
 * The domain's own refusals. They know nothing of HTTP: functions/shared/http.ts maps them to
 * the contract's statuses (`code` is the name the API uses for each).
 */
export interface FieldProblem {
  path: string;
  message: string;
  messageEn?: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: 'forbidden' | 'conflict' | 'validation' | 'not-found' | 'gone';
  constructor(
    message: string,
    readonly messageEn: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** The user may not do this (their group or unit). */
export class NotAllowed extends DomainError {
  readonly code = 'forbidden';
  constructor(message = '无权执行此操作', messageEn = 'You are not allowed to do this') {
    super(message, messageEn);
  }
}

/** Not now: the case's state does not allow it, or it changed meanwhile. */
export class Conflict extends DomainError {
  readonly code = 'conflict';
}

/** The request itself is wrong in a way only the domain can tell (an unknown unit, an over-long extension). */
export class Invalid extends DomainError {
  readonly code = 'validation';
  constructor(path: string, message: string, messageEn: string) {
    super(message, messageEn, [{ path, message, messageEn }]);
  }
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
}

/** It was there once and is no more (a contact reveal already used or expired). */
export class Gone extends DomainError {
  readonly code = 'gone';
}
