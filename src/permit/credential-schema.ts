/**
 * JSON Schema (draft 2020-12) of a whole permit credential, as its `credentialSchema`
 * names it with type `JsonSchema`. VC JSON Schema (2023): a `JsonSchema` applies to the
 * whole credential, not to its subject alone, so this schema describes the credential as
 * a VC Data Model 1.1 verifier holds it after decoding the VC-JWT (§6.3.1): `@context`,
 * `id`, `type`, `issuer`, the two dates, `credentialSchema`, `credentialStatus`,
 * `permitRecord`, the subject (PERMIT_SCHEMA, embedded), and optionally the `proof` object
 * by which a JWT library represents the JWS (`JwtProof2020`, did-jwt-vc).
 *
 * Each agent serves it at its own URL + PERMIT_CREDENTIAL_SCHEMA_PATH, with that URL as
 * `$id`. Immutable once shipped: a change is a new version at a new path. Browser-safe.
 */
import { agentResourceUrl, citesContextUrl, PERMIT_CREDENTIAL_SCHEMA_PATH, STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT } from '../vocab/contexts.js';
import { DRAFT_2020_12, LIMITS, PERMIT_SCHEMA, type JsonSchema } from './schema.js';


/** The URL of an agent's resource: its public URL (without a trailing slash) plus the path. */

export const DID: JsonSchema = { type: 'string', minLength: 5, maxLength: LIMITS.did, pattern: '^did:[a-z0-9]+:\\S+$' };
const URN_UUID = '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const DATE_TIME: JsonSchema = { type: 'string', format: 'date-time' };
const URI: JsonSchema = { type: 'string', format: 'uri' };

/** A subject schema without its own `$schema` and `title`: those belong to a schema resource's root. */
export function embedded(subjectSchema: JsonSchema, description: string): JsonSchema {
  const { $schema: _dialect, title: _title, ...rest } = JSON.parse(JSON.stringify(subjectSchema)) as JsonSchema;
  return { ...rest, description };
}

/**
 * The parts of a VC Data Model 1.1 credential that Saiga's permit and endorsement
 * credentials share: everything but `@context`, `type`, the subject and what only one
 * of them has.
 */
export function envelopeProperties(schemaId: string, issuerDescription: string): Record<string, JsonSchema> {
  return {
    id: { type: 'string', pattern: URN_UUID, description: 'VC Data Model 1.1 §4.2: the credential id (JWT `jti`), a random urn:uuid.' },
    issuer: {
      description: `VC Data Model 1.1 §4.5 (JWT \`iss\`): ${issuerDescription}. A URI, or an object whose id is that URI.`,
      anyOf: [DID, { type: 'object', additionalProperties: false, required: ['id'], properties: { id: DID } }],
    },
    issuanceDate: { ...DATE_TIME, description: 'VC Data Model 1.1 §4.6 (JWT `nbf`): when the credential was issued.' },
    credentialSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type'],
      properties: { id: { const: schemaId }, type: { const: 'JsonSchema' } },
      description: 'VC Data Model 1.1 §5.4, VC JSON Schema: this schema, applied to the whole credential.',
    },
    proof: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'jwt'],
      properties: {
        type: { const: 'JwtProof2020' },
        jwt: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: 'The VC-JWT itself (JWS compact serialization, RFC 7515 §7.1).' },
      },
      description: 'VC Data Model 1.1 §6.3.1: a VC-JWT is secured by its JWS; a decoding library may show it as this object.',
    },
  };
}

/** `@context` exactly as given, in order (VC Data Model 1.1 §4.1: the v1 context first). */
export const contextList = (urls: readonly string[]): JsonSchema => ({
  type: 'array',
  prefixItems: urls.map((url) => ({ const: url })),
  minItems: urls.length,
  items: false,
  description: 'JSON-LD contexts: VC Data Model 1.1 first, then every context that defines the terms used.',
});

/** BSL v1.0 §2.1 BitstringStatusListEntry, with the `id` that VC Data Model 1.1 §4.9 requires. */
const STATUS_ENTRY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'statusPurpose', 'statusListIndex', 'statusListCredential'],
  properties: {
    id: { ...URI, description: 'The entry itself: `<statusListCredential>#<statusListIndex>`.' },
    type: { const: 'BitstringStatusListEntry' },
    statusPurpose: { enum: ['revocation', 'suspension'] },
    // BSL v1.0 §2.1: an integer ≥ 0, in base 10, as a string.
    statusListIndex: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
    statusListCredential: { ...URI, description: "The status list credential, published by the permit's issuer." },
  },
};

const hasPurpose = (purpose: string): JsonSchema => ({ contains: { type: 'object', properties: { statusPurpose: { const: purpose } }, required: ['statusPurpose'] } });

/** The whole-credential schema of the permits issued by the agent at `agentUrl`, with its `$id`. */
export function permitCredentialSchema(agentUrl: string): JsonSchema {
  const id = agentResourceUrl(agentUrl, PERMIT_CREDENTIAL_SCHEMA_PATH);
  return {
    $schema: DRAFT_2020_12,
    $id: id,
    title: 'CITES permit or certificate credential (VC Data Model 1.1, VC-JWT)',
    type: 'object',
    additionalProperties: false,
    required: ['@context', 'id', 'type', 'issuer', 'issuanceDate', 'expirationDate', 'credentialSchema', 'credentialStatus', 'permitRecord', 'credentialSubject'],
    properties: {
      '@context': contextList([VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT, citesContextUrl(agentUrl)]),
      type: { const: ['VerifiableCredential', 'CITESPermit'] },
      ...envelopeProperties(id, 'the DID of the issuing Management Authority (box 6)'),
      expirationDate: { ...DATE_TIME, description: 'VC Data Model 1.1 §4.8 (JWT `exp`): box 2, the end of the valid-until day in UTC.' },
      credentialStatus: {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: STATUS_ENTRY,
        allOf: [hasPurpose('revocation'), hasPurpose('suspension')],
        description: 'VC Data Model 1.1 §4.9: one revocation and one suspension entry (Bitstring Status List v1.0).',
      },
      permitRecord: { ...URI, description: "The permit's public record at its issuing agent: endorsements and revocation reason." },
      credentialSubject: embedded(PERMIT_SCHEMA, 'The permit, box by box (boxes 2, 6 and the date of 13 are the credential\'s own).'),
    },
  };
}
