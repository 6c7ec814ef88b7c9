/**
 * Building a trust list: from an authorities file, or from an agent's own trust (itself,
 * its customs identity and the peers its agent.yml names), as the unsigned credential
 * the trust anchor signs.
 */
import type { TrustedIssuer } from '../vocab/trust-list.js';
import { citesContextUrl, VC_V1_CONTEXT } from '../vocab/contexts.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';
import { TRUST_LIST_CREDENTIAL_TYPE, type TrustList, type TrustListAuthority } from './model.js';

export interface UnsignedTrustList extends UnsignedVc<TrustList> {
  expirationDate: string;
}

/** Groups trusted issuers into authorities (one entry per country, role and name). */
export function authoritiesOf(issuers: readonly TrustedIssuer[]): TrustListAuthority[] {
  const byKey = new Map<string, TrustListAuthority>();
  for (const issuer of issuers) {
    const key = `${issuer.country} ${issuer.role} ${issuer.name}`;
    const entry: TrustListAuthority = byKey.get(key) ?? {
      country: issuer.country,
      name: issuer.name,
      ...(issuer.address !== undefined && { address: issuer.address }),
      role: issuer.role,
      dids: [],
    };
    if (!entry.dids.includes(issuer.did)) entry.dids.push(issuer.did);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** `agentUrl`: the public URL of the agent that publishes the list (it serves the CITES context). */
export function buildTrustListCredential(a: { id: string; agentUrl: string; anchorDid: string; list: TrustList; now: Date; validDays: number }): UnsignedTrustList {
  return {
    // VC Data Model 1.1 §4.1, then Saiga's CITES context, which defines CITESTrustList and its terms.
    '@context': [VC_V1_CONTEXT, citesContextUrl(a.agentUrl)],
    id: a.id,
    type: ['VerifiableCredential', TRUST_LIST_CREDENTIAL_TYPE],
    issuer: { id: a.anchorDid },
    issuanceDate: a.now.toISOString(),
    expirationDate: new Date(a.now.getTime() + a.validDays * 86_400_000).toISOString(),
    credentialSubject: a.list,
  };
}
