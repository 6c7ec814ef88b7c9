/** The trust list's shape is shared vocabulary (src/vocab/trust-list.ts); the builder and the CLI import it from here too. */
export { TRUST_LIST_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
export type { AuthorityRole, TrustList, TrustListAuthority } from '../vocab/trust-list.js';
