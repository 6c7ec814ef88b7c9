/**
 * The trust list an agent serves at /trust-list and the issuers it adds to the agent's
 * own trust. With `saiga.trust.list` in agent.yml, that signed list is loaded and checked
 * against its anchor at start (a list that does not verify stops the agent: trust must
 * not silently shrink or grow). Without it, the agent serves a list of its own trust
 * (itself, its customs identity, its peers), signed by its own trust-anchor identity.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { authoritiesOf, buildTrustListCredential } from './build.js';
import { createAssertionKeyStore } from '../verify/keys.js';
import { createDidResolver } from '../verify/resolver.js';
import { verifyTrustList } from '../verify/trust-list.js';
import type { FetchLike } from '../verify/did-web.js';
import type { DidDocument, DidResolution } from '../verify/types.js';
import type { TrustedIssuer } from '../vocab/trust-list.js';
import { nodeCryptoSuite } from '../verification/node-signature.js';

/** What of agent.yml the trust list needs (a LoadedConfig has it): the agent's URL and name, and `saiga.trust.list`. */
export interface TrustListConfig {
  baseDir: string;
  saiga: { url: string; authority: { name: string }; trust: { list?: { file: string; anchor: string } } };
}

/** A configured trust list that cannot be used: a configuration error at the JSON pointer of agent.yml (as the config loader's). */
export class TrustListConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(`${message} (at ${pointer})`);
    this.name = 'TrustListConfigError';
  }
}

export interface AgentTrustList {
  /** The signed list (VC-JWT) served at /trust-list. */
  jwt: string;
  /** The DID that signed it. */
  anchorDid: string;
  /** Issuers the list adds to the agent's trust (none for a list made from the agent's own trust). */
  issuers: TrustedIssuer[];
}

export const TRUST_LIST_PATH = '/trust-list';
const DEFAULT_VALID_DAYS = 365;

export interface TrustListSources {
  config: TrustListConfig;
  ownTrust: TrustedIssuer[];
  anchor: { did: string };
  documents: DidDocument[];
  fetch: FetchLike;
  sign: (credential: object) => Promise<string>;
  now: Date;
}

export async function signOwnTrustList(s: Pick<TrustListSources, 'config' | 'anchor' | 'sign' | 'now'>, issuers: readonly TrustedIssuer[], validDays = DEFAULT_VALID_DAYS): Promise<string> {
  return s.sign(
    buildTrustListCredential({
      id: `${s.config.saiga.url}${TRUST_LIST_PATH}`,
      agentUrl: s.config.saiga.url,
      anchorDid: s.anchor.did,
      list: { name: `Trust list of ${s.config.saiga.authority.name}`, version: Math.floor(s.now.getTime() / 1000), authorities: authoritiesOf(issuers) },
      now: s.now,
      validDays,
    }),
  );
}

export async function loadTrustList(s: TrustListSources): Promise<AgentTrustList> {
  return (await readConfiguredTrustList(s)) ?? { jwt: await signOwnTrustList(s, s.ownTrust), anchorDid: s.anchor.did, issuers: [] };
}

/**
 * The signed trust list named by `saiga.trust.list`, checked against its anchor; none when
 * agent.yml names none. Signs nothing, so read-only commands use it as it is.
 */
export async function readConfiguredTrustList(
  s: Pick<TrustListSources, 'config' | 'documents' | 'fetch' | 'now'>,
): Promise<AgentTrustList | undefined> {
  const configured = s.config.saiga.trust.list;
  if (configured === undefined) return undefined;
  const file = resolve(s.config.baseDir, configured.file);
  let jwt: string;
  try {
    jwt = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new TrustListConfigError(`cannot read the trust list ${file}: ${(error as Error).message}`, '/saiga/trust/list/file');
  }
  const own = new Map<string, DidResolution>(s.documents.map((d) => [d.id, { didResolutionMetadata: {}, didDocument: d, didDocumentMetadata: {} }]));
  const remote = createDidResolver({ fetch: s.fetch });
  const outcome = await verifyTrustList(jwt, {
    anchorDid: configured.anchor,
    now: s.now,
    signed: {
      resolveDid: (did, options) => (own.has(did) ? Promise.resolve(own.get(did)!) : remote(did, options)),
      assertionKeys: createAssertionKeyStore(nodeCryptoSuite),
      suite: nodeCryptoSuite,
      allowedAlgorithms: new Set(['EdDSA']),
    },
  });
  if (!outcome.ok) throw new TrustListConfigError(`the trust list ${file} cannot be used: ${outcome.message}`, '/saiga/trust/list');
  return { jwt, anchorDid: configured.anchor, issuers: outcome.issuers };
}
