/**
 * The envelope of every credential Saiga signs, shared by the issuing side (permits,
 * endorsements, status lists, trust lists) and the readers of VC-JWTs. A leaf module: it
 * imports nothing. Browser-safe.
 */

/**
 * A VC 1.1 credential before signing, as an agent hands it to Veramo: the JWT encoding
 * turns `id` into `jti`, `issuer` into `iss`, `issuanceDate` into `nbf` and
 * `expirationDate` into `exp`. Every credential Saiga signs has this envelope.
 */
export interface UnsignedVc<Subject> {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string };
  issuanceDate: string;
  expirationDate?: string;
  credentialSubject: Subject;
}
