/**
 * The agent's verifier: the shared core (src/verify) and its one entry `verifyInput`, with
 * Node's fetch, this agent's trust list (itself as Management Authority and as customs, plus
 * the peers agent.yml names) and the core's default permit rules. Its own DIDs, status lists
 * and records are read from memory and its database, so it checks its own permits even when
 * its public URL is not reachable from inside. `saiga verify` and `POST /api/verify` both go
 * through here, so they give the verifier page's codes.
 */
import {
  createAssertionKeyStore,
  createDidResolver,
  createImportConfirmationChecker,
  createPermitVerifier,
  DEFAULT_ALGORITHMS,
  type ImportCheckInput,
  type ImportOutcome,
  type DidDocument,
  type DidResolution,
  type FetchLike,
  type ResolveOptions,
  type StatusNotice,
  type TrustedIssuer,
  type VerificationResult,
} from '../verify/index.js';
import { nodeCryptoSuite } from './node-signature.js';
import { createEndorsementCheck, type EndorsementCheck } from './endorsement-check.js';

/** What of agent.yml the verifier needs (a LoadedConfig has it): who this agent is, its peers, its verify settings. */
export interface VerifierConfig {
  saiga: {
    url: string;
    authority: { country: string; name: string; address?: string };
    trust: { peers: readonly TrustedIssuer[] };
    verify: { clockToleranceSeconds: number; statusCacheSeconds: number };
  };
}

export interface AgentVerifier {
  trustedIssuers: readonly TrustedIssuer[];
  /** The verifier's DID resolution (own documents from memory, peers' fetched and cached): issue 10's toolkit lookup checks callers with it. */
  resolveDid: (did: string, options?: ResolveOptions) => Promise<DidResolution>;
  /** Drops a peer's cached DID document (a keyRevoked notice): the next verification fetches it again. */
  forgetDid(did: string): void;
  /** `lifecycle: false`: the credential only, not its status and use (VerifyAt, src/verify). */
  verify(input: string, at?: Date, options?: { lifecycle?: false }): Promise<VerificationResult>;
  /** A customs export endorsement VC-JWT on its own (one received through the exchange), with the core's signed-credential steps. */
  verifyEndorsement: EndorsementCheck;
  /** Issue 9: one import confirmation sent for a permit issued here, checked as a verifier checks the record's (same resolver and trust). */
  checkImportConfirmation(input: ImportCheckInput): Promise<ImportOutcome>;
}

export function trustedIssuersOf(config: Pick<VerifierConfig, 'saiga'>, identity: { did: string }, customs?: { did: string }): TrustedIssuer[] {
  const { country, name, address } = config.saiga.authority;
  const own: TrustedIssuer[] = [{ did: identity.did, role: 'managementAuthority', country, name, address }];
  if (customs) own.push({ did: customs.did, role: 'customs', country, name: `${name} (customs)` });
  const ownDids = new Set(own.map((t) => t.did));
  return [...own, ...config.saiga.trust.peers.filter((peer) => !ownDids.has(peer.did))];
}

export interface AgentVerifierOptions {
  config: VerifierConfig;
  /** Everyone this agent trusts: itself, its peers, and the authorities of its trust list. */
  trustedIssuers: TrustedIssuer[];
  /**
   * This agent's own DID documents, resolved from memory. A function when they change while the
   * agent runs (a key rotated through the API, src/agent/identity/identity-documents.ts): read at each resolution.
   */
  documents: readonly DidDocument[] | (() => readonly DidDocument[]);
  fetch: FetchLike;
  /** Revocations and suspensions issuers notified through the exchange (the core's `notices`). */
  notices?: (credentialId: string) => Promise<StatusNotice | undefined>;
}

export function createAgentVerifier(options: AgentVerifierOptions): AgentVerifier {
  const { config, trustedIssuers, documents, fetch } = options;
  const resolveRemote = createDidResolver({ fetch });
  const ownDocuments = typeof documents === 'function' ? documents : () => documents;
  // One frozen resolution per document object: a refreshed set gets new ones, an unchanged set reuses them.
  const resolutions = new WeakMap<DidDocument, DidResolution>();
  const own = (did: string): DidResolution | undefined => {
    const doc = ownDocuments().find((d) => d.id === did);
    if (doc === undefined) return undefined;
    let resolution = resolutions.get(doc);
    if (resolution === undefined) {
      resolution = Object.freeze({ didResolutionMetadata: {}, didDocument: Object.freeze(doc), didDocumentMetadata: {} });
      resolutions.set(doc, resolution);
    }
    return resolution;
  };
  // A peer's document is fetched again when a permit names a key it lacks (the peer rotated, issue 9 §6).
  const resolveDid = (did: string, options?: ResolveOptions) => {
    const resolution = own(did);
    return resolution ? Promise.resolve(resolution) : resolveRemote(did, options);
  };
  const checkImportConfirmation = createImportConfirmationChecker({ resolveDid, trustedIssuers, signatureSuite: nodeCryptoSuite });
  const core = createPermitVerifier({
    resolveDid,
    trustedIssuers,
    clockToleranceSec: config.saiga.verify.clockToleranceSeconds,
    signatureSuite: nodeCryptoSuite,
    fetch,
    // Its own lists are read from its database: always fresh, at no cost. Peers' lists are cached (default a minute).
    statusCacheTtlMs: (listUrl) => (listUrl.startsWith(`${config.saiga.url}/`) ? 0 : config.saiga.verify.statusCacheSeconds * 1000),
    ...(options.notices !== undefined && { notices: options.notices }),
  });
  const signed = { resolveDid, assertionKeys: createAssertionKeyStore(nodeCryptoSuite), suite: nodeCryptoSuite, allowedAlgorithms: new Set(DEFAULT_ALGORITHMS) };
  return {
    trustedIssuers,
    resolveDid,
    forgetDid: (did) => resolveRemote.forget(did),
    verify: (input, at = new Date(), options = {}) => core.verifyInput(input, { now: at, ...options }),
    verifyEndorsement: createEndorsementCheck(signed, trustedIssuers),
    checkImportConfirmation,
  };
}

/** Joins trust sources, keeping the first entry for each DID and role. */
export function mergeTrust(...sources: readonly TrustedIssuer[][]): TrustedIssuer[] {
  const seen = new Set<string>();
  return sources.flat().filter((t) => {
    const key = `${t.did} ${t.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
