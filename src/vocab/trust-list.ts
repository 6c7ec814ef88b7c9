/**
 * The issuer trust list: which authorities a verifier trusts, per country and role,
 * signed as a VC-JWT (`CITESTrustList`) by a trust-anchor DID. A verifier page is
 * configured with the anchor DID and the list's URL (and carries a fallback copy), so
 * trust does not come from whoever hosts the page.
 *
 * Shared vocabulary of the trust-list builder (src/trust) and every verifier. Leaf: imports
 * only src/vocab. Browser-safe.
 */
export { TRUST_LIST_CREDENTIAL_TYPE } from './credential-types.js';

export type AuthorityRole = 'managementAuthority' | 'customs';

export interface TrustListAuthority {
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
  /** Postal address, as in the CITES directory of authorities: box 6 of the permits it issues. */
  address?: string;
  role: AuthorityRole;
  /** Current and retired DIDs: a retired DID stays listed while permits it signed are in use. */
  dids: string[];
}

/** The credential subject of a CITESTrustList. */
export interface TrustList {
  name: string;
  /** Increases with every new list, so a verifier never goes back to an older one. */
  version: number;
  authorities: TrustListAuthority[];
}

/** One entry of a verifier's allow-list of issuers (a trust-list authority, one DID per entry). */
export interface TrustedIssuer {
  did: string;
  role: AuthorityRole;
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
  /** Postal address (box 6 of a permit), when the trust list gives it. */
  address?: string;
}
