/**
 * JSON Schemas (draft 2020-12) of a permit request and of an issued permit's credential
 * subject (`src/permit/model.ts`). Code fields are `enum`s taken from the code tables,
 * so the published schema itself documents the allowed codes. Browser-safe plain data.
 *
 * The schemas check shape, formats, lengths and codes. Rules that relate fields to one
 * another (docs/sources.md §1–2) live in `rules.ts`, so that each can report its own code.
 */

import type { ReplacementReason } from './model.js';
import {
  APPENDIX_CODES,
  ISO_COUNTRY_CODES,
  PURPOSE_CODES,
  SOURCE_CODES,
  TERM_CODES,
  UNIT_CODES,
  UNKNOWN_COUNTRY_CODE,
} from './tables/index.js';

export type JsonSchema = { [keyword: string]: unknown };

/** Length and count limits of the schemas. */
export const LIMITS = {
  /** Names of parties, people, places, species. */
  name: 200,
  address: 500,
  /** Box 1 number we issue: WCO data model ID, max 35 characters (toolkit v3). */
  permitNumber: 35,
  /**
   * Numbers of documents issued elsewhere (other Parties, older systems): the toolkit v2
   * EDIFACT path allows an..70, and we cannot shorten another Party's numbers.
   */
  referencedNumber: 70,
  otherDocumentType: 200,
  description: 1000,
  marks: 1000,
  specialCondition: 1000,
  specialConditions: 20,
  /** Box 5b and box 12b operation number. */
  shortReference: 70,
  did: 500,
  /** Blocks A … T: one letter per block keeps block references unambiguous. */
  specimens: 20,
} as const;

const REPLACEMENT_REASONS: readonly ReplacementReason[] = ['lost', 'stolen', 'destroyed', 'damaged', 'cancelled', 'expired', 'error'];

/** Non-empty text with at least one visible character. */
const text = (maxLength: number, description?: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: '\\S',
  ...(description ? { description } : {}),
});

/** Adds (or replaces) the description of a shared definition where it is used. */
const described = (schema: JsonSchema, description?: string): JsonSchema => ({ ...schema, ...(description ? { description } : {}) });

const object = (required: readonly string[], properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  additionalProperties: false,
  required: [...required],
  properties,
});

// Shared definitions are inlined where used, not `$ref`-erenced: the schemas are also
// embedded in the OpenAPI document, where a `#/$defs/…` reference would resolve against
// the wrong root. The published schema is a little longer and entirely self-contained.

const DATE: JsonSchema = { type: 'string', format: 'date', description: 'Calendar date, YYYY-MM-DD.' };
const ISO_COUNTRY: JsonSchema = {
  type: 'string',
  enum: [...ISO_COUNTRY_CODES],
  description: 'ISO 3166-1 alpha-2 country code, uppercase. CITES reporting codes (XX, XV, HS, EU) are not places and are not accepted.',
};
const APPENDIX: JsonSchema = { type: 'string', enum: [...APPENDIX_CODES], description: 'CITES Appendix.' };
const PURPOSE: JsonSchema = { type: 'string', enum: [...PURPOSE_CODES], description: 'Purpose-of-transaction code.' };
const SOURCE: JsonSchema = { type: 'string', enum: [...SOURCE_CODES], description: 'Source code.' };
const TERM: JsonSchema = { type: 'string', enum: [...TERM_CODES], description: 'Term (description-of-specimen) code, May 2021 Guidelines.' };
const UNIT: JsonSchema = { type: 'string', enum: [...UNIT_CODES], description: 'Unit of quantity, UN/ECE Recommendation 20 code.' };

const PARTY: JsonSchema = object(['name', 'address', 'country'], {
  name: text(LIMITS.name),
  address: text(LIMITS.address),
  // Box 3a / 4: a party lives at a real address, so a real ISO country, never XX or EU.
  country: ISO_COUNTRY,
});

const DOCUMENT_REFERENCE: JsonSchema = object(
  ['permitNumber'],
  {
    permitNumber: text(LIMITS.referencedNumber),
    issuer: text(LIMITS.did, 'DID of the Management Authority that issued it, when issued on the network.'),
    country: ISO_COUNTRY,
    date: described(DATE, 'Date of issue.'),
  },
  'Another CITES document, e.g. the import permit an Appendix I export relies on (Art. III(2)(d)).',
);

const ORIGIN: JsonSchema = object(
  ['country'],
  {
    // Box 12: for old stock the country of origin may be genuinely unknown (the permit
    // number and date are optional for the same reason), so XX is accepted here.
    country: {
      type: 'string',
      enum: [...ISO_COUNTRY_CODES, UNKNOWN_COUNTRY_CODE],
      description: 'ISO 3166-1 alpha-2 country code, uppercase, or XX when the country of origin is unknown.',
    },
    permitNumber: text(LIMITS.referencedNumber),
    date: DATE,
  },
  'Box 12: country of origin and its export permit (re-exports).',
);

const LAST_RE_EXPORT: JsonSchema = object(
  ['country', 'certificateNumber', 'date'],
  {
    // Box 12a cites a specific certificate (number and date are required), which a
    // known authority issued, so its country is always known: ISO only, no XX.
    country: ISO_COUNTRY,
    certificateNumber: text(LIMITS.referencedNumber),
    date: DATE,
  },
  'Box 12a: country of last re-export and its certificate.',
);

const QUOTA: JsonSchema = object(
  ['exportedToDate', 'annual'],
  {
    exportedToDate: { type: 'number', minimum: 0 },
    annual: { type: 'number', exclusiveMinimum: 0 },
    unit: UNIT,
  },
  'Box 11a: total exported this year (including this permit) against the annual quota.',
);

const REPLACEMENT: JsonSchema = object(
  ['permitNumber', 'reason'],
  {
    permitNumber: text(LIMITS.referencedNumber),
    reason: { type: 'string', enum: [...REPLACEMENT_REASONS] },
  },
  'R1: the document this one replaces, and why.',
);

const SPECIMEN_REQUIRED = ['scientificName', 'description', 'term', 'appendix', 'source', 'quantity', 'unit'] as const;

const specimenProperties = (): Record<string, JsonSchema> => ({
  scientificName: text(LIMITS.name, 'Box 7.'),
  commonName: text(LIMITS.name, 'Box 8.'),
  description: text(LIMITS.description, 'Box 9, including sex and age of live animals.'),
  term: described(TERM, 'Box 9.'),
  marks: text(LIMITS.marks, 'Box 9: identifying marks (rings, tags, microchips, serial numbers).'),
  appendix: described(APPENDIX, 'Box 10.'),
  source: described(SOURCE, 'Box 10.'),
  quantity: { type: 'number', exclusiveMinimum: 0, description: 'Box 11.' },
  unit: described(UNIT, 'Box 11.'),
  quota: QUOTA,
  origin: ORIGIN,
  lastReExport: LAST_RE_EXPORT,
  operationNumber: text(LIMITS.shortReference, 'Box 12b: registration number of the operation (source D).'),
  acquisitionDate: described(DATE, 'Box 12b: date of acquisition (source O).'),
});

/** Header fields shared by a request and an issued permit (everything but specimens and box 2). */
const headerProperties = (): Record<string, JsonSchema> => ({
  documentType: {
    type: 'string',
    enum: ['export', 're-export', 'import', 'other'],
    description: 'Box 1 document type.',
  },
  otherDocumentType: text(LIMITS.otherDocumentType, 'Box 1 "Other (specify)"; required when documentType is other.'),
  importer: described(PARTY, 'Boxes 3 and 3a.'),
  exporter: described(PARTY, 'Box 4.'),
  purpose: described(PURPOSE, 'Box 5a.'),
  specialConditions: {
    type: 'array',
    maxItems: LIMITS.specialConditions,
    items: text(LIMITS.specialCondition),
    description: 'Box 5.',
  },
  securityStampNumber: text(LIMITS.shortReference, 'Box 5b.'),
  importPermit: DOCUMENT_REFERENCE,
  replaces: REPLACEMENT,
});

/** The JSON Schema dialect of every schema Saiga writes (JSON Schema 2020-12 §8.1.1 `$schema`). */
export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const HEADER_REQUIRED = ['documentType', 'importer', 'exporter', 'purpose', 'specimens'] as const;

/** What an officer submits to have a permit issued (`PermitRequest`). */
export const PERMIT_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT_2020_12,
  title: 'CITES permit request',
  ...object(HEADER_REQUIRED, {
    ...headerProperties(),
    validUntil: described(DATE, 'Box 2. Defaults to the longest validity the document type allows.'),
    specimens: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.specimens,
      items: object(SPECIMEN_REQUIRED, specimenProperties()),
      description: 'Blocks A, B, C, …',
    },
  }),
};

/**
 * The credential subject of an issued permit, with box 13 (place and signatory) under
 * `box13`: `issuance` in the subject signed today, `issued` in version 1 (see below).
 */
function issuedPermitSchema(box13: 'issuance' | 'issued'): JsonSchema {
  return {
    $schema: DRAFT_2020_12,
    title: 'CITES permit or certificate',
    ...object([...HEADER_REQUIRED, 'permitNumber', box13], {
      permitNumber: text(LIMITS.permitNumber, 'Box 1: unique number assigned by the issuing Management Authority.'),
      ...headerProperties(),
      [box13]: object(
        ['place', 'signatory'],
        {
          place: text(LIMITS.name),
          signatory: text(LIMITS.name, 'Full name of the officer who issued the document.'),
        },
        'Box 13: place of issue and the signatory (the date is the credential\'s issuanceDate).',
      ),
      specimens: {
        type: 'array',
        minItems: 1,
        maxItems: LIMITS.specimens,
        items: object(['block', ...SPECIMEN_REQUIRED], {
          block: { type: 'string', pattern: '^[A-Z]$', description: 'Block letter: A, B, C, …' },
          ...specimenProperties(),
        }),
        description: 'Blocks A, B, C, …',
      },
    }),
  };
}

/**
 * The credential subject of an issued permit (`PermitSubject`, credential type `CITESPermit`).
 * Box 2, the date of box 13 and box 6 are not in it: the credential's expirationDate,
 * issuanceDate and issuer state them (src/permit/subject.ts). Box 13 is `issuance`, not
 * `issued`: the VC v1 context protects `issued` (a date-time term, VC Data Model 1.1 §B),
 * so a JSON-LD processor refuses a context that redefines it.
 */
export const PERMIT_SCHEMA: JsonSchema = issuedPermitSchema('issuance');

/**
 * Version 1 of the subject schema, published at /schemas/cites-permit/v1.json and named by
 * the credentialSchema of permits issued before the whole-credential schema: box 13 is
 * `issued` there. Published unchanged, as those permits name it.
 */
export const PERMIT_SUBJECT_SCHEMA_V1: JsonSchema = issuedPermitSchema('issued');

/** The subject schema version 1 with its `$id`, as published at `id` and referenced by permits issued before. */
export function permitSchema(id: string): JsonSchema {
  const copy = JSON.parse(JSON.stringify(PERMIT_SUBJECT_SCHEMA_V1)) as JsonSchema;
  return { $id: id, ...copy };
}
