/**
 * Which authorities the page trusts: the signed trust list (CITESTrustList), fetched from
 * `trustListUrl` and verified against `anchorDid`. Trust never comes from whoever hosts the
 * page: every candidate — the fetched list, the copy in localStorage, the fallback copy in
 * config.json — is verified against the anchor, and of those that verify the newest
 * version wins (a verifier never goes back to an older list; on a tie the fetched one).
 */
import { verifyTrustList, type FetchLike, type SignedCredentialContext, type TrustedIssuer } from '../../src/verify/index.js';
import { readCached, writeCached, type KeyValueStore } from './store.js';

export interface PageConfig {
  anchorDid: string;
  trustListUrl?: string;
  fallbackTrustList?: string;
  /** Languages the page offers, the first being the default; a subset of en, fr, es. */
  languages?: string[];
}

export type TrustSource = 'network' | 'cache' | 'fallback';

export type TrustState =
  | { ok: true; issuers: TrustedIssuer[]; name: string; version: number; source: TrustSource; fetchedAt?: number; validUntil?: string; offline: boolean }
  | { ok: false; message: string; offline: boolean };

export interface TrustDeps {
  fetch: FetchLike;
  store: KeyValueStore | undefined;
  signed: SignedCredentialContext;
  now?: () => number;
}

/** Checks the shape of config.json; throws a readable Error when it is unusable. */
export function readConfig(value: unknown): PageConfig {
  if (typeof value !== 'object' || value === null) throw new Error('config.json is not a JSON object.');
  const c = value as Record<string, unknown>;
  if (typeof c.anchorDid !== 'string' || !c.anchorDid.startsWith('did:')) throw new Error('config.json needs "anchorDid", the DID that signs the trust list.');
  if (c.trustListUrl !== undefined && typeof c.trustListUrl !== 'string') throw new Error('"trustListUrl" must be a URL.');
  if (c.fallbackTrustList !== undefined && typeof c.fallbackTrustList !== 'string') throw new Error('"fallbackTrustList" must be a trust list JWT.');
  if (c.trustListUrl === undefined && c.fallbackTrustList === undefined) throw new Error('config.json needs "trustListUrl" or "fallbackTrustList".');
  if (c.languages !== undefined && !(Array.isArray(c.languages) && c.languages.every((l) => typeof l === 'string'))) {
    throw new Error('"languages" must be a list of language codes.');
  }
  const config: PageConfig = { anchorDid: c.anchorDid };
  if (typeof c.trustListUrl === 'string') config.trustListUrl = c.trustListUrl;
  if (typeof c.fallbackTrustList === 'string') config.fallbackTrustList = c.fallbackTrustList;
  if (Array.isArray(c.languages)) config.languages = c.languages as string[];
  return config;
}

interface Candidate {
  jwt: string;
  source: TrustSource;
  fetchedAt?: number;
}

const isText = (v: unknown): v is string => typeof v === 'string';

async function fetchList(url: string, fetch: FetchLike): Promise<{ jwt?: string; offline: boolean; error?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/vc+jwt, application/jwt, text/plain;q=0.5' }, redirect: 'follow', credentials: 'omit' });
  } catch (e) {
    return { offline: true, error: `Fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!response.ok) return { offline: false, error: `Fetching ${url} returned HTTP ${response.status}.` };
  const text = (await response.text()).trim();
  return text.length > 200_000 ? { offline: false, error: `${url} is too large.` } : { jwt: text, offline: false };
}

/** Loads, verifies and picks the trust list; stores a verified fetched list for offline use. */
export async function loadTrust(config: PageConfig, deps: TrustDeps): Promise<TrustState> {
  const now = deps.now ?? (() => Date.now());
  const key = `trust-list:${config.anchorDid}`;
  const candidates: Candidate[] = [];
  const problems: string[] = [];
  let offline = false;
  if (config.trustListUrl) {
    const fetched = await fetchList(config.trustListUrl, deps.fetch);
    offline = fetched.offline;
    if (fetched.jwt) candidates.push({ jwt: fetched.jwt, source: 'network', fetchedAt: now() });
    else if (fetched.error) problems.push(fetched.error);
  }
  const cached = readCached(deps.store, key, isText);
  if (cached) candidates.push({ jwt: cached.value, source: 'cache', fetchedAt: cached.fetchedAt });
  if (config.fallbackTrustList) candidates.push({ jwt: config.fallbackTrustList, source: 'fallback' });

  let best: { candidate: Candidate; outcome: Extract<Awaited<ReturnType<typeof verifyTrustList>>, { ok: true }> } | undefined;
  for (const candidate of candidates) {
    const outcome = await verifyTrustList(candidate.jwt, { anchorDid: config.anchorDid, signed: deps.signed, now: new Date(now()) });
    if (!outcome.ok) {
      problems.push(`${candidate.source}: ${outcome.message}`);
      continue;
    }
    if (best === undefined || outcome.list.version > best.outcome.list.version) best = { candidate, outcome };
  }
  if (best === undefined) return { ok: false, message: problems.join(' '), offline };
  const { candidate, outcome } = best;
  if (candidate.source === 'network') writeCached(deps.store, key, candidate.jwt, candidate.fetchedAt!);
  const state: TrustState = {
    ok: true,
    issuers: outcome.issuers,
    name: outcome.list.name,
    version: outcome.list.version,
    source: candidate.source,
    offline,
  };
  if (candidate.fetchedAt !== undefined) state.fetchedAt = candidate.fetchedAt;
  if (outcome.validUntil !== undefined) state.validUntil = outcome.validUntil;
  return state;
}
