/**
 * Which URLs the page may fetch ahead of the verification core, from a permit's
 * *unverified* JWT payload: the issuer's DID document, its status lists and the permit's
 * public record, so that they travel in parallel instead of one after the other (the core
 * needs the DID document before it reads the status lists and the record).
 *
 * Prefetching only warms the network: the core still fetches every one of these itself
 * (it gets the prefetched response) and checks it exactly as it would otherwise. So that
 * an unverified payload cannot make the page contact anyone it would not contact anyway,
 * only a trusted Management Authority's permits are prefetched, and only URLs on the
 * origin of its did:web document (https://w3c-ccg.github.io/did-method-web/ §3.2).
 * Pure: no DOM, no network.
 */
import { didWebToUrl, isFetchableUrl, type TrustedIssuer } from '../../src/verify/index.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function payloadOf(jwt: string): Record<string, unknown> | undefined {
  const part = jwt.split('.')[1];
  if (part === undefined || part.length > 64_000 || !/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((part.length + 3) % 4);
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** The URLs to fetch ahead for `jwt`; none unless its `iss` is a trusted Management Authority with a did:web. */
export function prefetchUrls(jwt: string, issuers: readonly TrustedIssuer[]): string[] {
  const payload = payloadOf(jwt);
  const iss = payload?.iss;
  if (typeof iss !== 'string' || !iss.startsWith('did:web:')) return [];
  if (!issuers.some((t) => t.did === iss && t.role === 'managementAuthority')) return [];
  const didUrl = didWebToUrl(iss);
  if (didUrl === undefined) return [];
  const origin = originOf(didUrl);
  const vc = payload?.vc;
  const candidates: unknown[] = [];
  if (typeof vc === 'object' && vc !== null) {
    const { credentialStatus, permitRecord } = vc as { credentialStatus?: unknown; permitRecord?: unknown };
    for (const entry of Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus]) {
      if (typeof entry === 'object' && entry !== null) candidates.push((entry as { statusListCredential?: unknown }).statusListCredential);
    }
    candidates.push(permitRecord);
  }
  const urls = new Set<string>(isFetchableUrl(didUrl) ? [didUrl] : []);
  for (const c of candidates) {
    if (isFetchableUrl(c) && originOf(c) === origin && urls.size < 6) urls.add(c);
  }
  return [...urls];
}
