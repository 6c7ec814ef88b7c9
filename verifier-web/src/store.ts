/**
 * What the page keeps in localStorage: the verified trust list and the DID documents it
 * fetched, each with the time it was fetched, so that it can verify offline and say how
 * old its data is. Nothing here is trusted as it is: a cached trust list is verified again
 * against the anchor DID every time it is used.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Cached<T> {
  value: T;
  /** When it was fetched, in ms since the epoch. */
  fetchedAt: number;
}

const PREFIX = 'saiga-verifier:';

export function readCached<T>(store: KeyValueStore | undefined, key: string, check: (value: unknown) => value is T): Cached<T> | undefined {
  if (!store) return undefined;
  try {
    const raw = store.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as { value?: unknown; fetchedAt?: unknown };
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.fetchedAt !== 'number' || !check(parsed.value)) return undefined;
    return { value: parsed.value, fetchedAt: parsed.fetchedAt };
  } catch {
    return undefined;
  }
}

export function writeCached<T>(store: KeyValueStore | undefined, key: string, value: T, fetchedAt: number): void {
  if (!store) return;
  try {
    store.setItem(PREFIX + key, JSON.stringify({ value, fetchedAt }));
  } catch {
    // Storage full or disabled (private browsing): the page still works online.
  }
}

/** localStorage when the browser allows it. */
export function browserStore(): KeyValueStore | undefined {
  try {
    const store = globalThis.localStorage;
    return store ?? undefined;
  } catch {
    return undefined;
  }
}
