/**
 * JSON Schemas (draft 2020-12) of an import-confirmation request and of the credential
 * subject of a signed import confirmation (src/vocab/import-confirmation.ts). They check
 * shape, formats and lengths; how the request relates to the permit it confirms (blocks,
 * quantities, units, port, dates, state) is checked by the named rules of
 * src/import-confirmation/validate.ts, each with its own code. Browser-safe plain data.
 */
import { UN_LOCODE_PATTERN } from './endorsement-schema.js';
import { DRAFT_2020_12, LIMITS, type JsonSchema } from './schema.js';
import { ISO_COUNTRY_CODES, UNIT_CODES } from './tables/index.js';

const text = (maxLength: number, description: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', description });

const object = (required: readonly string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties,
});

const DID: JsonSchema = { type: 'string', minLength: 5, maxLength: LIMITS.did, pattern: '^did:[a-z0-9]+:\\S+$', description: 'DID of the Management Authority that issued the permit.' };
const PERMIT_NUMBER = text(LIMITS.permitNumber, 'Box 1 number of the permit.');
const BLOCK: JsonSchema = { type: 'string', pattern: '^[A-Z]$', description: 'Block letter of the permit: A, B, C, …' };
const QUANTITY: JsonSchema = { type: 'number', minimum: 0, description: 'Quantity that arrived; 0 for a block of which nothing arrived.' };
const UNIT: JsonSchema = { type: 'string', enum: [...UNIT_CODES], description: "Unit of quantity, UN/ECE Recommendation 20 code; the permit's unit for the block." };
const blocks = (required: readonly string[], description: string): JsonSchema => ({
  type: 'array',
  minItems: 1,
  maxItems: LIMITS.specimens,
  items: object(required, { block: BLOCK, quantity: QUANTITY, unit: UNIT }),
  description,
});
const PORT: JsonSchema = { type: 'string', pattern: UN_LOCODE_PATTERN, description: "Port or border post of import, UN/LOCODE (e.g. CHZRH), in the importing authority's country." };
const DATE: JsonSchema = { type: 'string', format: 'date', description: 'Date of import, YYYY-MM-DD.' };

/** What a customs officer submits to confirm an import (API body; the CLI builds the same). */
export const IMPORT_CONFIRMATION_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT_2020_12,
  title: 'CITES import confirmation request',
  ...object(['issuer', 'permitNumber', 'blocks', 'portOfImport', 'date'], {
    issuer: DID,
    permitNumber: PERMIT_NUMBER,
    blocks: blocks(['block', 'quantity'], "Every block of the permit, with 0 for a block of which nothing arrived. The unit may be left out; it defaults to the permit's."),
    portOfImport: PORT,
    date: DATE,
  }),
};

/** The credential subject of a signed import confirmation (`ImportConfirmation`, credential type `CITESImportConfirmation`). */
export const IMPORT_CONFIRMATION_SCHEMA: JsonSchema = {
  $schema: DRAFT_2020_12,
  title: 'CITES import confirmation',
  ...object(['permit', 'blocks', 'portOfImport', 'date', 'officer', 'country'], {
    permit: {
      ...object(['id', 'permitNumber', 'issuer'], { id: text(LIMITS.did, "The permit credential's id."), permitNumber: PERMIT_NUMBER, issuer: DID }),
      description: 'The permit this confirmation is for.',
    },
    blocks: blocks(['block', 'quantity', 'unit'], 'Every block of the permit, in its order, with 0 for a block of which nothing arrived.'),
    portOfImport: PORT,
    date: DATE,
    officer: text(LIMITS.name, 'Full name of the customs officer who confirmed the import.'),
    country: { type: 'string', enum: [...ISO_COUNTRY_CODES], description: "ISO 3166-1 alpha-2 country of the importing authority (the permit's importer country)." },
    exceedsPermitted: { const: true, description: 'Present when no export endorsement was held and more arrived than the permit allows for a block.' },
  }),
};
