/**
 * One way for a screen to read something from the API and show it: loading, failed (the
 * agent refused or could not be reached: said, not left spinning), or the value, with
 * `reload` for after a change the screen made itself (a user created, a token revoked).
 * An answer that arrives after the screen is gone, or after a newer reload, is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ok'; value: T };

/** `load` resolves to undefined when the value could not be read. */
export function useLoaded<T>(load: () => Promise<T | undefined>): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++latest.current;
    const value = await load().catch(() => undefined);
    if (mine === latest.current) setState(value === undefined ? { kind: 'failed' } : { kind: 'ok', value });
  }, []);
  useEffect(() => {
    void reload();
    // Unmounted: no later answer may set state.
    return () => void (latest.current = Number.NaN);
  }, []);
  return [state, reload];
}
