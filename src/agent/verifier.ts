/**
 * The agent's verifier: the shared core (src/verify), with Node's fetch for did:web,
 * this agent's trust list (itself plus the peers agent.yml names) and the permit rules.
 */
import { createDidResolver, createPermitVerifier, type TrustedIssuer, type VerificationResult } from '../verify/index.js';
import { validatePermit } from '../permit/validate.js';
import type { LoadedConfig } from './config.js';
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

export function createAgentVerifier(config: LoadedConfig, identity: AuthorityIdentity): AgentVerifier {
  const trustedIssuers = trustedIssuersOf(config, identity);
  const core = createPermitVerifier({
    resolveDid: createDidResolver({ fetch: globalThis.fetch.bind(globalThis) }),
    trustedIssuers,
    clockToleranceSec: config.saiga.verify.clockToleranceSeconds,
    checkPermit: (subject, { issuer }) => validatePermit(subject, { issuerDid: issuer.did, issuerCountry: issuer.country }),
  });
  return { trustedIssuers, verify: (input, at = new Date()) => core.verify(input, { now: at }) };
}
