/** JSON as it crosses the engine, the HTTP API and the Lambda boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

// Promise.withResolvers is not in the ES2023 lib the project compiles against.
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a Lambda sees and returns: everything goes through JSON on AWS, so it does here too. */
export const roundTrip = (value: unknown): Json =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
