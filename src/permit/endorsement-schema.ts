/**
 * JSON Schemas (draft 2020-12) of an endorsement request and of the credential subject of a
 * signed endorsement (`src/endorsement/model.ts`). They check shape, formats and lengths; how the request
 * relates to the permit it endorses (blocks, quantities, units, port, dates) is checked by
 * the named rules in `src/endorsement/validate.ts`, each with its own code. Browser-safe plain data.
 */

import { DRAFT_2020_12, LIMITS, type JsonSchema } from './schema.js';
import { ISO_COUNTRY_CODES, UNIT_CODES } from './tables/index.js';

/** Box 15: the toolkit v2 EDIFACT path for a transport document number is an..70. */
export const TRANSPORT_DOCUMENT_MAX_LENGTH = 70;

/**
 * Port of export as a UN/LOCODE: the ISO 3166-1 alpha-2 country, then 3 characters from
 * A–Z and 2–9 (UN/LOCODE avoids 0 and 1, which read like O and I).
 */
export const UN_LOCODE_PATTERN = '^[A-Z]{2}[A-Z2-9]{3}$';


/** Non-empty text with at least one visible character (as in the permit schema). */
const text = (maxLength: number, description: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', description });

const object = (required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties,
});

const BLOCK: JsonSchema = { type: 'string', pattern: '^[A-Z]$', description: 'Block letter of the permit: A, B, C, …' };
const QUANTITY: JsonSchema = { type: 'number', minimum: 0, description: 'Box 14: quantity that left the country; 0 for a block not shipped.' };
const UNIT: JsonSchema = { type: 'string', enum: [...UNIT_CODES], description: "Unit of quantity, UN/ECE Recommendation 20 code; the permit's unit for the block." };

const blocks = (required: readonly string[], description: string): JsonSchema => ({
  type: 'array',
  // The permit has at most LIMITS.specimens blocks, each given once.
  maxItems: LIMITS.specimens,
  items: object(required, { block: BLOCK, quantity: QUANTITY, unit: UNIT }),
  description,
});

const PORT: JsonSchema = { type: 'string', pattern: UN_LOCODE_PATTERN, description: "Box 14: port of export, UN/LOCODE (e.g. CHGVA), in the issuing authority's country." };
const DATE: JsonSchema = { type: 'string', format: 'date', description: 'Box 14: date of export, YYYY-MM-DD.' };
const TRANSPORT_DOCUMENT = text(TRANSPORT_DOCUMENT_MAX_LENGTH, 'Box 15: bill of lading or air waybill number.');

/** What a customs officer submits to endorse a permit at export (`EndorsementRequest`). */
export const ENDORSEMENT_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT_2020_12,
  title: 'CITES export endorsement request (boxes 14 and 15)',
  ...object(['blocks', 'portOfExport', 'date', 'transportDocument'], {
    blocks: blocks(['block', 'quantity'], "Box 14: every block of the permit, with 0 for a block not shipped. The unit may be left out; it defaults to the permit's."),
    portOfExport: PORT,
    date: DATE,
    transportDocument: TRANSPORT_DOCUMENT,
  }),
};

/** The credential subject of a signed export endorsement (`Endorsement`, credential type `CITESExportEndorsement`). */
export const ENDORSEMENT_SCHEMA: JsonSchema = {
  $schema: DRAFT_2020_12,
  title: 'CITES export endorsement',
  ...object(['permit', 'blocks', 'portOfExport', 'date', 'transportDocument', 'officer', 'country'], {
    permit: {
      ...object(['id', 'permitNumber', 'issuer'], {
        id: text(LIMITS.did, "The permit credential's id."),
        permitNumber: text(LIMITS.permitNumber, 'Box 1 number of the permit.'),
        issuer: { type: 'string', minLength: 5, maxLength: LIMITS.did, pattern: '^did:[a-z0-9]+:\\S+$', description: 'DID of the issuing Management Authority.' },
      }),
      description: 'The permit this endorsement is for.',
    },
    blocks: { ...blocks(['block', 'quantity', 'unit'], 'Box 14: every block of the permit, in its order, with 0 for a block not shipped.'), minItems: 1 },
    portOfExport: PORT,
    date: DATE,
    transportDocument: TRANSPORT_DOCUMENT,
    officer: text(LIMITS.name, 'Full name of the customs officer who endorsed the permit.'),
    country: { type: 'string', enum: [...ISO_COUNTRY_CODES], description: "ISO 3166-1 alpha-2 country of the customs authority (the issuing authority's country)." },
  }),
};
