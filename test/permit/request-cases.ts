/**
 * Request fixtures: one mutated golden example per rule. Each case takes an example,
 * makes one small change and states the EXACT list of [code, path] of the errors (and
 * warnings) it must produce at the example's authority (or `authority`).
 */


import { importPermitTrust, type ImportPermitTrust } from '../../src/permit/import-permit.js';

export const ELEPHANT_EXPORT = 'export-lk-elephant-samples.json';
export const ORCHIDS = 'export-lk-orchids.json';
export const PARROTS = 'export-no-captive-bred-parrots.json';
export const ELEPHANT_IMPORT = 'import-ch-elephant-samples.json';
export const GUITAR = 'pre-convention-no-guitar.json';
export const WATCH_STRAPS = 're-export-ch-watch-straps.json';

export interface RequestCase {
  name: string;
  file: string;
  /** Fixtures are free-form JSON, hence `any`. */
  mutate: (doc: any) => void;
  authority?: string;
  /** The authority's trust, for the import permit's issuer (none: the issuer is not judged). */
  trust?: ImportPermitTrust;
  errors: Array<[string, string]>;
  warnings?: Array<[string, string]>;
}

/** The LK authority's trust at issuance: the CH and NO Management Authorities (and LK's own customs), unknown DIDs refused. */
export const LK_TRUST = importPermitTrust(
  [
    { did: 'did:web:cites.blv.admin.ch', role: 'managementAuthority', country: 'CH' },
    { did: 'did:web:cites.miljodirektoratet.no', role: 'managementAuthority', country: 'NO' },
    { did: 'did:web:cites.dwc.gov.lk:customs', role: 'customs', country: 'LK' },
  ],
  true,
);

/** Twenty blocks whose description is 1,000 CJK characters (3 bytes each in UTF-8): schema-valid, far too large to sign. */
const twentyLongBlocks = (d: any): void => {
  const block = d.specimens[0];
  d.specimens = Array.from({ length: 20 }, (_, i) => ({ ...block, description: `${'蘭'.repeat(999)}${i % 10}` }));
};

export const REQUEST_CASES: RequestCase[] = [
  // Box 1
  {
    name: 'other document without its name',
    file: GUITAR,
    mutate: (d) => delete d.otherDocumentType,
    errors: [['OTHER_DOCUMENT_TYPE_REQUIRED', '/otherDocumentType']],
  },
  {
    name: 'unknown document type',
    file: ORCHIDS,
    mutate: (d) => (d.documentType = 'certificate'),
    errors: [['UNKNOWN_DOCUMENT_TYPE', '/documentType']],
  },
  // Art. III(2)(d)
  {
    name: 'Appendix I export without the import permit',
    file: ELEPHANT_EXPORT,
    mutate: (d) => delete d.importPermit,
    errors: [['IMPORT_PERMIT_REQUIRED', '/importPermit']],
  },
  {
    name: 'Appendix I export, source C (not D), without the import permit',
    file: PARROTS,
    mutate: (d) => {
      d.specimens[0].source = 'C';
      delete d.specimens[0].operationNumber;
    },
    errors: [['IMPORT_PERMIT_REQUIRED', '/importPermit']],
  },
  {
    name: 'Appendix I re-export without the import permit, two blocks, one finding',
    file: WATCH_STRAPS,
    mutate: (d) => {
      d.specimens[0].appendix = 'I';
      d.specimens[1].appendix = 'I';
    },
    errors: [['IMPORT_PERMIT_REQUIRED', '/importPermit']],
  },
  // Box 12b
  {
    name: 'source D without the operation number',
    file: PARROTS,
    mutate: (d) => delete d.specimens[0].operationNumber,
    errors: [['OPERATION_NUMBER_REQUIRED', '/specimens/0/operationNumber']],
  },
  {
    name: 'source O without the date of acquisition',
    file: GUITAR,
    mutate: (d) => delete d.specimens[0].acquisitionDate,
    errors: [['ACQUISITION_DATE_REQUIRED', '/specimens/0/acquisitionDate']],
  },
  {
    name: 'date of acquisition tomorrow',
    file: GUITAR,
    mutate: (d) => (d.specimens[0].acquisitionDate = '2026-11-30'),
    errors: [['DATE_IN_FUTURE', '/specimens/0/acquisitionDate']],
  },
  {
    name: 'date of acquisition today is fine',
    file: GUITAR,
    mutate: (d) => (d.specimens[0].acquisitionDate = '2026-11-29'),
    errors: [],
  },
  {
    name: 'origin permit dated in the future',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[1].origin.date = '2027-01-19'),
    errors: [['DATE_IN_FUTURE', '/specimens/1/origin/date']],
  },
  {
    name: 'import permit dated in the future',
    file: ELEPHANT_EXPORT,
    mutate: (d) => (d.importPermit.date = '2026-12-01'),
    errors: [['DATE_IN_FUTURE', '/importPermit/date']],
  },
  // Box 12
  {
    name: 're-export block without origin',
    file: WATCH_STRAPS,
    mutate: (d) => delete d.specimens[1].origin,
    errors: [['ORIGIN_REQUIRED', '/specimens/1/origin']],
  },
  {
    name: 're-export with the exporter as country of origin',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[0].origin.country = 'CH'),
    errors: [['ORIGIN_IS_EXPORTER', '/specimens/0/origin/country']],
  },
  {
    name: 're-export of unknown origin (XX) is accepted',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[0].origin = { country: 'XX' }),
    errors: [],
  },
  {
    name: 'last re-export from an unknown country (XX) is refused',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[0].lastReExport = { country: 'XX', certificateNumber: 'DE-2026-1', date: '2026-05-01' }),
    errors: [['UNKNOWN_COUNTRY', '/specimens/0/lastReExport/country']],
  },
  // Boxes 3a / 4
  {
    name: 'exporter and importer in the same country',
    file: ORCHIDS,
    mutate: (d) => (d.importer.country = 'LK'),
    errors: [['SAME_COUNTRY', '/importer/country']],
  },
  {
    name: 'export for an exporter abroad',
    file: ORCHIDS,
    authority: 'CH',
    mutate: () => {},
    errors: [['EXPORTER_NOT_DOMESTIC', '/exporter/country']],
  },
  {
    name: 're-export for an exporter abroad',
    file: WATCH_STRAPS,
    authority: 'NO',
    mutate: () => {},
    errors: [['EXPORTER_NOT_DOMESTIC', '/exporter/country']],
  },
  {
    name: 'import for an importer abroad',
    file: ELEPHANT_IMPORT,
    authority: 'LK',
    mutate: () => {},
    errors: [['IMPORTER_NOT_DOMESTIC', '/importer/country']],
  },
  {
    name: 'importer in XX (a CITES reporting code, not a country)',
    file: ORCHIDS,
    mutate: (d) => (d.importer.country = 'XX'),
    errors: [['UNKNOWN_COUNTRY', '/importer/country']],
  },
  {
    name: 'exporter country in lowercase',
    file: ORCHIDS,
    mutate: (d) => (d.exporter.country = 'lk'),
    errors: [['UNKNOWN_COUNTRY', '/exporter/country']],
  },
  // Box 2
  {
    name: 'export valid one day longer than 6 months',
    file: ORCHIDS,
    mutate: (d) => (d.validUntil = '2027-05-30'),
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'export valid exactly 6 months',
    file: ORCHIDS,
    mutate: (d) => (d.validUntil = '2027-05-29'),
    errors: [],
  },
  {
    name: 'import valid exactly 12 months',
    file: ELEPHANT_IMPORT,
    mutate: (d) => (d.validUntil = '2027-11-29'),
    errors: [],
  },
  {
    name: 'import valid one day longer than 12 months',
    file: ELEPHANT_IMPORT,
    mutate: (d) => (d.validUntil = '2027-11-30'),
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'pre-Convention certificate valid 3 years',
    file: GUITAR,
    mutate: (d) => (d.validUntil = '2029-11-29'),
    errors: [],
  },
  {
    name: 'unrecognised other document valid 3 years',
    file: GUITAR,
    mutate: (d) => {
      d.otherDocumentType = 'Special certificate';
      d.validUntil = '2029-11-29';
    },
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'valid until the day of issue',
    file: ORCHIDS,
    mutate: (d) => (d.validUntil = '2026-11-29'),
    errors: [['VALIDITY_ENDED', '/validUntil']],
  },
  {
    name: 'valid until a day that does not exist',
    file: ORCHIDS,
    mutate: (d) => (d.validUntil = '2027-02-30'),
    errors: [['FIELD_INVALID', '/validUntil']],
  },
  // Schema: shape
  {
    name: 'missing exporter name',
    file: ORCHIDS,
    mutate: (d) => delete d.exporter.name,
    errors: [['FIELD_REQUIRED', '/exporter/name']],
  },
  {
    name: 'no specimens at all',
    file: ORCHIDS,
    mutate: (d) => (d.specimens = []),
    errors: [['FIELD_REQUIRED', '/specimens']],
  },
  {
    name: 'an unknown field in a block',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].colour = 'pink'),
    errors: [['FIELD_UNKNOWN', '/specimens/0/colour']],
  },
  {
    name: 'an unknown field at the top, with a "/" in its name',
    file: ORCHIDS,
    mutate: (d) => (d['notes/remarks'] = 'x'),
    errors: [['FIELD_UNKNOWN', '/notes~1remarks']],
  },
  {
    name: 'quantity as a string',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].quantity = '1200'),
    errors: [['FIELD_INVALID', '/specimens/0/quantity']],
  },
  {
    name: 'name longer than 200 characters',
    file: ORCHIDS,
    mutate: (d) => (d.importer.name = 'x'.repeat(201)),
    errors: [['FIELD_INVALID', '/importer/name']],
  },
  {
    name: 'blank exporter address',
    file: ORCHIDS,
    mutate: (d) => (d.exporter.address = '   '),
    errors: [['FIELD_INVALID', '/exporter/address']],
  },
  {
    name: 'import permit number longer than 70 characters',
    file: ELEPHANT_EXPORT,
    mutate: (d) => (d.importPermit.permitNumber = 'N'.repeat(71)),
    errors: [['FIELD_INVALID', '/importPermit/permitNumber']],
  },
  {
    name: 'special condition longer than 1000 characters',
    file: PARROTS,
    mutate: (d) => (d.specialConditions = ['x'.repeat(1001)]),
    errors: [['FIELD_INVALID', '/specialConditions/0']],
  },
  {
    name: 'zero quantity',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].quantity = 0),
    errors: [['QUANTITY_NOT_POSITIVE', '/specimens/0/quantity']],
  },
  {
    name: 'negative quantity',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[1].quantity = -5),
    errors: [['QUANTITY_NOT_POSITIVE', '/specimens/1/quantity']],
  },
  {
    name: '21 specimen lines',
    file: ORCHIDS,
    mutate: (d) => (d.specimens = Array.from({ length: 21 }, () => ({ ...d.specimens[0] }))),
    errors: [['TOO_MANY_SPECIMENS', '/specimens']],
  },
  {
    name: '20 specimen lines are fine',
    file: ORCHIDS,
    mutate: (d) => (d.specimens = Array.from({ length: 20 }, () => ({ ...d.specimens[0] }))),
    errors: [],
  },
  // Schema: codes
  {
    name: 'unknown appendix',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].appendix = 'IV'),
    errors: [['UNKNOWN_APPENDIX', '/specimens/0/appendix']],
  },
  {
    name: 'unknown purpose',
    file: ORCHIDS,
    mutate: (d) => (d.purpose = 'X'),
    errors: [['UNKNOWN_PURPOSE', '/purpose']],
  },
  {
    name: 'unknown source',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].source = 'K'),
    errors: [['UNKNOWN_SOURCE', '/specimens/0/source']],
  },
  {
    name: 'historical term LEA',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[0].term = 'LEA'),
    errors: [['UNKNOWN_TERM', '/specimens/0/term']],
  },
  {
    name: 'historical unit PCS',
    file: WATCH_STRAPS,
    mutate: (d) => (d.specimens[1].unit = 'PCS'),
    errors: [['UNKNOWN_UNIT', '/specimens/1/unit']],
  },
  {
    name: 'historical unit in the quota',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].quota = { exportedToDate: 1200, annual: 5000, unit: 'KIL' }),
    errors: [['UNKNOWN_UNIT', '/specimens/0/quota/unit']],
  },
  // Warnings
  {
    name: 'live plants in cubic metres',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].unit = 'MTQ'),
    errors: [],
    warnings: [['TERM_UNIT_UNUSUAL', '/specimens/0/unit']],
  },
  {
    name: 'live plants as hunting trophies',
    file: ORCHIDS,
    mutate: (d) => (d.purpose = 'H'),
    errors: [],
    warnings: [['TERM_PURPOSE_UNUSUAL', '/purpose']],
  },
  {
    name: 'a term without pair data never warns',
    file: ORCHIDS,
    mutate: (d) => {
      d.specimens[0].term = 'KNL';
      d.specimens[0].unit = 'MTQ';
      d.purpose = 'H';
    },
    errors: [],
    warnings: [],
  },
  // Art. III(2)(d): the import permit relied on (src/permit/import-permit.ts)
  {
    name: 'the shipped placeholder import permit number',
    file: ELEPHANT_EXPORT,
    mutate: (d) => (d.importPermit.permitNumber = 'REPLACE-WITH-THE-CH-IMPORT-PERMIT-NUMBER'),
    trust: LK_TRUST,
    errors: [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']],
  },
  { name: 'an import permit number with spaces', file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.permitNumber = 'CH 26 0001'), errors: [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']] },
  { name: 'an import permit number without a digit', file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.permitNumber = 'NOPE'), errors: [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']] },
  { name: 'an import permit number with a doubled separator', file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.permitNumber = 'CH26--0001'), errors: [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']] },
  { name: 'an import permit number of other Parties\' forms', file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.permitNumber = '26US123456/9'), trust: LK_TRUST, errors: [] },
  {
    name: 'an import permit of an authority nobody trusts',
    file: ELEPHANT_EXPORT,
    mutate: (d) => (d.importPermit = { permitNumber: 'XX00-NOPE', issuer: 'did:web:evil.example' }),
    trust: LK_TRUST,
    errors: [['IMPORT_PERMIT_ISSUER_UNTRUSTED', '/importPermit/issuer']],
  },
  {
    name: 'an import permit whose issuer is a customs authority, not a Management Authority',
    file: ELEPHANT_EXPORT,
    mutate: (d) => (d.importPermit.issuer = 'did:web:cites.dwc.gov.lk:customs'),
    trust: LK_TRUST,
    errors: [['IMPORT_PERMIT_ISSUER_UNTRUSTED', '/importPermit/issuer']],
  },
  {
    name: "an import permit of a trusted authority of another country than the importer's",
    file: ELEPHANT_EXPORT,
    mutate: (d) => {
      d.importPermit.issuer = 'did:web:cites.miljodirektoratet.no';
      delete d.importPermit.country;
    },
    trust: LK_TRUST,
    errors: [['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/issuer']],
  },
  { name: "an import permit said to be from another country than the importer's", file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.country = 'NO'), trust: LK_TRUST, errors: [['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/country']] },
  { name: 'an unknown import permit issuer, judged without trust (a verifier that does not know it)', file: ELEPHANT_EXPORT, mutate: (d) => (d.importPermit.issuer = 'did:web:evil.example'), trust: importPermitTrust([], false), errors: [] },
  // Text: NFC, refused characters, visible (src/permit/text.ts)
  {
    name: "an unterminated right-to-left override in the importer's name",
    file: ORCHIDS,
    mutate: (d) => (d.importer.name = 'Kew Gardens \u202E0001 :ytitnauq'),
    errors: [['TEXT_BIDI_CONTROL', '/importer/name']],
  },
  { name: 'a right-to-left isolate in a description', file: ORCHIDS, mutate: (d) => (d.specimens[0].description = 'Flasks \u2067A\u2069'), errors: [['TEXT_BIDI_CONTROL', '/specimens/0/description']] },
  { name: 'a left-to-right mark in a special condition', file: ELEPHANT_IMPORT, mutate: (d) => (d.specialConditions[0] = 'Not for sale\u200E'), errors: [['TEXT_BIDI_CONTROL', '/specialConditions/0']] },
  { name: 'a name of only NUL', file: ORCHIDS, mutate: (d) => (d.importer.name = '\u0000'), errors: [['TEXT_CONTROL_CHARACTER', '/importer/name']] },
  { name: 'a name of only zero-width spaces', file: ORCHIDS, mutate: (d) => (d.exporter.name = '\u200B\u200B'), errors: [['TEXT_CONTROL_CHARACTER', '/exporter/name']] },
  { name: 'a line break in an address', file: ORCHIDS, mutate: (d) => (d.importer.address = 'Kew\nRichmond'), errors: [['TEXT_CONTROL_CHARACTER', '/importer/address']] },
  { name: 'a soft hyphen in a scientific name', file: ORCHIDS, mutate: (d) => (d.specimens[0].scientificName = 'Phalaen\u00ADopsis'), errors: [['TEXT_CONTROL_CHARACTER', '/specimens/0/scientificName']] },
  { name: 'an unpaired surrogate in a common name', file: ORCHIDS, mutate: (d) => (d.specimens[0].commonName = 'Orchid \uD83C'), errors: [['TEXT_INVALID_CHARACTER', '/specimens/0/commonName']] },
  { name: 'a noncharacter in the marks', file: ORCHIDS, mutate: (d) => (d.specimens[0].marks = 'Tag \uFFFE1'), errors: [['TEXT_INVALID_CHARACTER', '/specimens/0/marks']] },
  { name: 'a private-use character in a name', file: ORCHIDS, mutate: (d) => (d.importer.name = 'Kew \uE000'), errors: [['TEXT_INVALID_CHARACTER', '/importer/name']] },
  { name: 'a name of only a combining accent', file: ORCHIDS, mutate: (d) => (d.importer.name = '\u0301'), errors: [['TEXT_NOT_VISIBLE', '/importer/name']] },
  { name: 'a name of only spaces (the schema: blank)', file: ORCHIDS, mutate: (d) => (d.importer.name = '\u00A0 \u3000'), errors: [['FIELD_INVALID', '/importer/name']] },
  { name: 'a Persian name with a zero-width non-joiner, and an emoji ZWJ sequence', file: ORCHIDS, mutate: (d) => (d.importer.name = 'باغ\u200Cهای گیاه‌شناسی \u{1F469}\u200D\u{1F52C}'), errors: [] },
  // 200 characters in NFC (400 code units decomposed): the limit counts what is stored.
  { name: 'a decomposed name of 200 characters in NFC', file: ORCHIDS, mutate: (d) => (d.importer.name = 'e\u0301'.repeat(200)), errors: [] },
  // Quantities (src/permit/quantity.ts)
  { name: 'a quantity of 1e308', file: ELEPHANT_IMPORT, mutate: (d) => (d.specimens[0].quantity = 1e308), errors: [['QUANTITY_TOO_LARGE', '/specimens/0/quantity']] },
  { name: 'the JSON number 9007199254740993 (read as …992)', file: ORCHIDS, mutate: (d) => (d.specimens[0].quantity = JSON.parse('9007199254740993')), errors: [['QUANTITY_TOO_LARGE', '/specimens/0/quantity']] },
  { name: 'the largest quantity, 10^12', file: ELEPHANT_IMPORT, mutate: (d) => (d.specimens[0].quantity = 1e12), errors: [] },
  { name: 'four decimal places of a millilitre', file: ELEPHANT_IMPORT, mutate: (d) => (d.specimens[0].quantity = 40.1234), errors: [['QUANTITY_TOO_PRECISE', '/specimens/0/quantity']] },
  { name: 'a quantity so small it prints as 1e-7', file: ELEPHANT_IMPORT, mutate: (d) => (d.specimens[0].quantity = 1e-7), errors: [['QUANTITY_TOO_PRECISE', '/specimens/0/quantity']] },
  { name: 'three decimal places of a millilitre', file: ELEPHANT_IMPORT, mutate: (d) => (d.specimens[0].quantity = 40.125), errors: [] },
  { name: '1.5 specimens (NAR)', file: ORCHIDS, mutate: (d) => (d.specimens[0].quantity = 1.5), errors: [['QUANTITY_NOT_WHOLE', '/specimens/0/quantity']] },
  {
    name: 'a fraction in a quota without a unit, of a block counted in NAR',
    file: ORCHIDS,
    mutate: (d) => (d.specimens[0].quota = { exportedToDate: 1200, annual: 5000.5 }),
    errors: [['QUANTITY_NOT_WHOLE', '/specimens/0/quota/annual']],
  },
  { name: 'a fraction in a quota counted in kilograms', file: ORCHIDS, mutate: (d) => (d.specimens[0].quota = { exportedToDate: 10.5, annual: 5000, unit: 'KGM' }), errors: [] },
  // Size: what issuance signs, every verifier must read (src/vocab/limits.ts)
  { name: 'twenty blocks of long Unicode descriptions', file: ORCHIDS, mutate: twentyLongBlocks, errors: [['PERMIT_TOO_LARGE', '']] },
  // Several at once
  {
    name: 'several errors at once, schema and rules together',
    file: PARROTS,
    mutate: (d) => {
      d.purpose = 'X'; // schema
      d.importer.country = 'NO'; // rule: same country
      delete d.specimens[0].operationNumber; // rule: source D
      d.specimens[0].unit = 'PCS'; // schema: historical unit
      d.specimens[0].quantity = -1; // schema
      d.validUntil = '2028-01-01'; // rule: too long
      d.shippedBy = 'air'; // schema: unknown field
    },
    errors: [
      ['FIELD_UNKNOWN', '/shippedBy'],
      ['UNKNOWN_PURPOSE', '/purpose'],
      ['QUANTITY_NOT_POSITIVE', '/specimens/0/quantity'],
      ['UNKNOWN_UNIT', '/specimens/0/unit'],
      ['SAME_COUNTRY', '/importer/country'],
      ['OPERATION_NUMBER_REQUIRED', '/specimens/0/operationNumber'],
      ['VALIDITY_TOO_LONG', '/validUntil'],
    ],
  },
];

