import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the data with a newer copy the page already has (an action's answer). */
  set(data: T): void;
}

/** Runs `load` when `deps` change; a slower earlier answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: unknown) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  useEffect(run, [run]);
  const set = useCallback((data: T) => {
    seq.current += 1;
    setState({ data, loading: false });
  }, []);
  return { ...state, reload: run, set };
}

/**
 * A form's submission: sends once however often it is pressed, shows progress, keeps the
 * failure (and the API's field errors by path) for the form to show. `send` returning false
 * means "not sent" (a check in the page failed first).
 */
export function useSubmit(send: () => Promise<void | false>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const sending = useRef(false);
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setFailure(undefined);
    try {
      await send();
    } catch (err) {
      setFailure(err);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return { busy, failure, submit };
}
