/**
 * The agent's verifier: the shared core (src/verify), with Node's fetch for did:web,
 * this agent's trust list (itself plus the peers agent.yml names) and the permit rules.
 */
import {
  createDidResolver,
  createPermitVerifier,
  type DidDocument,
  type DidResolution,
  type TrustedIssuer,
  type VerificationResult,
} from '../verify/index.js';
import { validatePermit } from '../permit/validate.js';
import type { LoadedConfig } from './config.js';
import { nodeCryptoSuite } from './node-signature.js';
import type { AuthorityIdentity } from './identity.js';

export interface AgentVerifier {
  trustedIssuers: readonly TrustedIssuer[];
  verify(input: string, at?: Date): Promise<VerificationResult>;
}

export function trustedIssuersOf(config: LoadedConfig, identity: AuthorityIdentity): TrustedIssuer[] {
  const self: TrustedIssuer = {
    did: identity.did,
    role: 'managementAuthority',
    country: config.saiga.authority.country,
    name: config.saiga.authority.name,
  };
  return [self, ...config.saiga.trust.peers.filter((peer) => peer.did !== identity.did)];
}

/**
 * @param ownDocument this agent's own DID document: its own DID resolves from memory, so an
 * agent checks its own permits even when its public URL is not reachable from inside.
 */
export function createAgentVerifier(config: LoadedConfig, identity: AuthorityIdentity, ownDocument: DidDocument): AgentVerifier {
  const trustedIssuers = trustedIssuersOf(config, identity);
  const resolveRemote = createDidResolver({ fetch: globalThis.fetch.bind(globalThis) });
  const own: DidResolution = Object.freeze({ didResolutionMetadata: {}, didDocument: Object.freeze(ownDocument), didDocumentMetadata: {} });
  const core = createPermitVerifier({
    resolveDid: (did) => (did === identity.did ? Promise.resolve(own) : resolveRemote(did)),
    trustedIssuers,
    clockToleranceSec: config.saiga.verify.clockToleranceSeconds,
    signatureSuite: nodeCryptoSuite,
    checkPermit: (subject, { issuer }) => validatePermit(subject, { issuerDid: issuer.did, issuerCountry: issuer.country }),
  });
  return { trustedIssuers, verify: (input, at = new Date()) => core.verify(input, { now: at }) };
}
