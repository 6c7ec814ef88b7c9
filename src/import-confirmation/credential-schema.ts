/**
 * JSON Schema (draft 2020-12) of a whole import-confirmation credential
 * (`CITESImportConfirmation`), as its `credentialSchema` names it with type `JsonSchema`
 * (VC JSON Schema: the schema applies to the whole credential), in the shape a VC Data Model
 * 1.1 verifier holds after decoding the VC-JWT (§6.3.1). Like an export endorsement it has no
 * expirationDate and no status of its own: it records an import that happened.
 *
 * Each agent serves it at its own URL + IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH, with that
 * URL as `$id`. Immutable once shipped: a change is a new version at a new path. Browser-safe.
 */
import { contextList, embedded, envelopeProperties } from '../permit/credential-schema.js';
import { IMPORT_CONFIRMATION_SCHEMA } from '../permit/import-confirmation-schema.js';
import { DRAFT_2020_12, type JsonSchema } from '../permit/schema.js';
import { IMPORT_CONFIRMATION_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import { agentResourceUrl, citesContextUrl, citesImportContextUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH, VC_V1_CONTEXT } from '../vocab/contexts.js';

/** The contexts of an import confirmation: VC v1, CITES v1 (the terms it shares with the endorsement), CITES import v1. */
export const importConfirmationContexts = (agentUrl: string): string[] => [VC_V1_CONTEXT, citesContextUrl(agentUrl), citesImportContextUrl(agentUrl)];

/** The whole-credential schema of the import confirmations signed by the agent at `agentUrl`, with its `$id`. */
export function importConfirmationCredentialSchema(agentUrl: string): JsonSchema {
  const id = agentResourceUrl(agentUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH);
  return {
    $schema: DRAFT_2020_12,
    $id: id,
    title: 'CITES import confirmation credential (VC Data Model 1.1, VC-JWT)',
    type: 'object',
    additionalProperties: false,
    required: ['@context', 'id', 'type', 'issuer', 'issuanceDate', 'credentialSchema', 'credentialSubject'],
    properties: {
      '@context': contextList(importConfirmationContexts(agentUrl)),
      type: { const: ['VerifiableCredential', IMPORT_CONFIRMATION_CREDENTIAL_TYPE] },
      ...envelopeProperties(id, "the customs DID of the importing country's authority"),
      credentialSubject: embedded(IMPORT_CONFIRMATION_SCHEMA, 'What arrived under the permit, per block, where and when.'),
    },
  };
}
