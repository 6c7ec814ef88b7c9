/**
 * The verification the customs screen runs in the browser: the same core and the same page
 * modules as the public verifier page (issue 11 §3 "the same verdict as the public page (one
 * core)", §4 nothing copied). Trust comes from the agent's own verifier configuration
 * (GET /verify/config.json: anchor, trust list URL, fallback copy), checked against the
 * anchor by verifier-web/src/trust.ts, never from whoever serves the console.
 */
import { createAssertionKeyStore, createPermitVerifier, webCryptoSuite, type PermitVerifier, type VerificationResult } from '../../../../src/verify/index.js';
import { createNetwork } from '../../../../verifier-web/src/network.js';
import { browserStore } from '../../../../verifier-web/src/store.js';
import { createPageDidResolver } from '../../../../verifier-web/src/did-cache.js';
import { loadTrust, readConfig, type TrustState } from '../../../../verifier-web/src/trust.js';
import { inputVerdict, verdictOf, type Verdict } from '../../../../verifier-web/src/verdict.js';

export type Outcome =
  | { type: 'result'; result: VerificationResult; verdict: Verdict }
  | { type: 'input'; verdict: Verdict; detail?: string }
  | { type: 'page-error'; verdict: Verdict; detail: string };

const store = browserStore();
const network = createNetwork((url, init) => fetch(url, init));
const dids = createPageDidResolver({ network, store });
const signed = {
  resolveDid: dids.resolveDid,
  assertionKeys: createAssertionKeyStore(webCryptoSuite),
  suite: webCryptoSuite,
  allowedAlgorithms: new Set(['EdDSA']),
};

let trust: Promise<TrustState> | undefined;
let verifier: PermitVerifier | undefined;

function loadTrustOnce(): Promise<TrustState> {
  trust ??= (async () => {
    const response = await fetch('/verify/config.json', { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`/verify/config.json returned HTTP ${response.status}.`);
    return loadTrust(readConfig(await response.json()), { fetch: network.fetch, store, signed });
  })();
  // A failure (agent unreachable) is tried again at the next scan.
  trust.catch(() => (trust = undefined));
  return trust;
}

/** Verifies scanned or pasted text as the page's `evaluate` does (verifier-web/src/main.ts). */
export async function verifyText(text: string): Promise<Outcome> {
  if (text.trim() === '') return { type: 'input', verdict: inputVerdict('QR_EMPTY') };
  let state: TrustState;
  try {
    state = await loadTrustOnce();
  } catch (e) {
    return { type: 'page-error', verdict: { kind: 'invalid', code: 'VERIFIER_CONFIG_INVALID' }, detail: e instanceof Error ? e.message : String(e) };
  }
  if (!state.ok) return { type: 'page-error', verdict: { kind: 'invalid', code: 'TRUST_LIST_UNAVAILABLE' }, detail: state.message };
  // Status lists are never reused (statusCacheTtlMs 0): a revocation or an endorsement shows at once.
  verifier ??= createPermitVerifier({ resolveDid: dids.resolveDid, trustedIssuers: state.issuers, fetch: network.fetch, statusCacheTtlMs: 0 });
  const result = await verifier.verifyInput(text, { now: new Date() });
  const [only] = result.checks;
  if (result.checks.length === 1 && only && only.check === 'format' && !only.ok && only.code.startsWith('QR_') && only.code !== 'QR_REFERENCE_UNAVAILABLE') {
    return { type: 'input', verdict: inputVerdict(only.code), detail: only.message };
  }
  return { type: 'result', result, verdict: verdictOf(result) };
}
