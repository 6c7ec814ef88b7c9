/**
 * JSON Schemas (draft 2020-12) of the exchange's message bodies, one per message type
 * (src/exchange/message-types.ts). The inbox checks a body against its schema before any
 * handler reads it, so a handler sees only bodies of the right shape (EXCHANGE_BODY_INVALID
 * otherwise, with the JSON pointer of the first fault).
 *
 * The schemas check shape only. What a body carries is checked by its handler: a VC-JWT
 * inside is verified with the verification core, as a border verifier would.
 *
 * Each agent publishes them at `/schemas/cites-exchange/1.0/<type>.json`, with that URL as
 * `$id`, so that a peer's implementer can check its bodies the same way. Immutable once
 * shipped: a change is a new protocol version (a new base URI), never a changed schema.
 * Plain data, browser-safe.
 */
import { DRAFT_2020_12, LIMITS, type JsonSchema } from '../../permit/schema.js';
import { MAX_CREDENTIAL_CHARS } from '../../vocab/limits.js';
import { REVOCATION_REASONS } from '../../vocab/public-record.js';
import { MESSAGE_TYPES, type MessageKind } from '../message-types.js';

/** Where an agent serves the schema of a type: the last segment of its type URI. */
export const EXCHANGE_SCHEMA_BASE_PATH = '/schemas/cites-exchange/1.0/';
export const exchangeSchemaPath = (kind: MessageKind): string => `${EXCHANGE_SCHEMA_BASE_PATH}${MESSAGE_TYPES[kind].slice(MESSAGE_TYPES[kind].lastIndexOf('/') + 1)}.json`;

/** A compact JWS (RFC 7515 §7.1): three base64url parts; no `..` detached payload. */
const VC_JWT = (description: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength: MAX_CREDENTIAL_CHARS,
  pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
  description,
});

/** RFC 3339 date-time (ajv-formats `date-time`: an offset or Z is required). */
const DATE_TIME = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', maxLength: 40, description });

const object = (required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties,
});

const PERMIT_ISSUED = object(['permit'], { permit: VC_JWT('The CITESPermit VC-JWT as its issuer signed it.') });

const STATUS_CHANGED: JsonSchema = {
  ...object(['permitNumber', 'credentialId', 'status', 'reason', 'changedAt'], {
    permitNumber: { type: 'string', minLength: 1, maxLength: LIMITS.referencedNumber, pattern: '\\S', description: 'Box 1 of the permit.' },
    credentialId: { type: 'string', pattern: '^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description: "The permit credential's id (RFC 9562 UUID URN)." },
    status: { enum: ['revoked', 'suspended', 'reinstated'] },
    reason: { type: 'string', maxLength: 500, description: 'For a revocation one of the revocation reasons; free text otherwise.' },
    replacedBy: { type: 'string', minLength: 1, maxLength: LIMITS.referencedNumber, pattern: '\\S', description: 'Box 5 of the replacement, when a replacement revoked this permit.' },
    changedAt: DATE_TIME('When the issuer changed the status.'),
  }),
  // A revocation is permanent and its reason is one of a fixed list (shown to whoever checks the permit).
  if: { properties: { status: { const: 'revoked' } } },
  then: { properties: { reason: { enum: [...REVOCATION_REASONS] } } },
};

const EXPORT_ENDORSED = object(['endorsement'], { endorsement: VC_JWT("The CITESExportEndorsement VC-JWT, signed by the exporting country's customs DID.") });

const IMPORT_CONFIRMED = object(['confirmation'], { confirmation: VC_JWT("The CITESImportConfirmation VC-JWT, signed by the importing country's customs DID or its Management Authority.") });

const KEY_REVOKED = object(['kid', 'revokedAt'], {
  kid: { type: 'string', minLength: 1, maxLength: LIMITS.did + 100, pattern: '^did:[a-z0-9]+:[^#\\s]+#[^\\s]+$', description: 'The verification method (absolute DID URL) that no longer signs.' },
  revokedAt: DATE_TIME('When the key was revoked.'),
  compromisedSince: DATE_TIME('Anything the key signed from this moment on is refused; absent when the key was retired, not stolen.'),
});

const AUDIT_CHECKPOINT = object(['checkpoint'], { checkpoint: VC_JWT("The audit checkpoint VC-JWT (SaigaAuditCheckpoint), signed by the sender's Management Authority DID.") });

const TITLES: Record<MessageKind, string> = {
  permitIssued: 'CITES exchange 1.0: permit-issued body',
  importPermit: 'CITES exchange 1.0: import-permit body',
  statusChanged: 'CITES exchange 1.0: status-changed body',
  exportEndorsed: 'CITES exchange 1.0: export-endorsed body',
  importConfirmed: 'CITES exchange 1.0: import-confirmed body',
  keyRevoked: 'CITES exchange 1.0: key-revoked body',
  auditCheckpoint: 'CITES exchange 1.0: audit-checkpoint body',
};

const BODIES: Record<MessageKind, JsonSchema> = {
  permitIssued: PERMIT_ISSUED,
  importPermit: PERMIT_ISSUED,
  statusChanged: STATUS_CHANGED,
  exportEndorsed: EXPORT_ENDORSED,
  importConfirmed: IMPORT_CONFIRMED,
  keyRevoked: KEY_REVOKED,
  auditCheckpoint: AUDIT_CHECKPOINT,
};

export const EXCHANGE_KINDS = Object.keys(BODIES) as MessageKind[];

/** The body schema of `kind`; with `agentUrl`, its `$id` is where that agent publishes it. */
export function exchangeBodySchema(kind: MessageKind, agentUrl?: string): JsonSchema {
  return {
    $schema: DRAFT_2020_12,
    ...(agentUrl !== undefined && { $id: `${agentUrl.replace(/\/+$/, '')}${exchangeSchemaPath(kind)}` }),
    title: TITLES[kind],
    description: `The body of a DIDComm v2 message of type ${MESSAGE_TYPES[kind]} (docs/exchange.md).`,
    ...BODIES[kind],
  };
}
