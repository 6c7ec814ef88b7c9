/**
 * JSON Schema (draft 2020-12) of a whole export-endorsement credential
 * (`CITESExportEndorsement`, boxes 14 and 15), as its `credentialSchema` names it with type
 * `JsonSchema` (VC JSON Schema: the schema applies to the whole credential). It
 * describes the credential as a VC Data Model 1.1 verifier holds it after decoding the
 * VC-JWT (§6.3.1), with the subject of ENDORSEMENT_SCHEMA embedded. An endorsement has no
 * expirationDate and no status of its own: it records an export that happened.
 *
 * Each agent serves it at its own URL + ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, with that URL
 * as `$id`. Immutable once shipped: a change is a new version at a new path. Browser-safe.
 */
import { contextList, embedded, envelopeProperties } from '../permit/credential-schema.js';
import { DRAFT_2020_12, type JsonSchema } from '../permit/schema.js';
import { agentResourceUrl, citesContextUrl, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, VC_V1_CONTEXT } from '../vocab/contexts.js';
import { ENDORSEMENT_CREDENTIAL_TYPE } from './model.js';
import { ENDORSEMENT_SCHEMA } from './schema.js';


/** The whole-credential schema of the endorsements signed by the agent at `agentUrl`, with its `$id`. */
export function endorsementCredentialSchema(agentUrl: string): JsonSchema {
  const id = agentResourceUrl(agentUrl, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH);
  return {
    $schema: DRAFT_2020_12,
    $id: id,
    title: 'CITES export endorsement credential (VC Data Model 1.1, VC-JWT)',
    type: 'object',
    additionalProperties: false,
    required: ['@context', 'id', 'type', 'issuer', 'issuanceDate', 'credentialSchema', 'credentialSubject'],
    properties: {
      '@context': contextList([VC_V1_CONTEXT, citesContextUrl(agentUrl)]),
      type: { const: ['VerifiableCredential', ENDORSEMENT_CREDENTIAL_TYPE] },
      ...envelopeProperties(id, "the customs DID of the permit's issuing authority"),
      credentialSubject: embedded(ENDORSEMENT_SCHEMA, 'Boxes 14 and 15: what left the country, where, when and under which transport document.'),
    },
  };
}
