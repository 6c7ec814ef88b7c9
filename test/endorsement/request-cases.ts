/**
 * Endorsement-request fixtures: the valid request of `fixtures.ts` with one change each
 * (to the request, the permit or its state), and the EXACT list of [code, path] that
 * validateEndorsementRequest must report.
 */

import type { EndorsementContext } from '../../src/endorsement/validate.js';
import { context, VALID_UNTIL } from './fixtures.js';

export interface RequestCase {
  name: string;
  /** Request fixtures are free-form JSON, hence `any`. */
  mutate: (request: any) => void;
  /** Replaces the request altogether (input that is not a request at all). */
  input?: unknown;
  ctx?: () => EndorsementContext;
  errors: Array<[string, string]>;
}

const withState = (state: Partial<EndorsementContext['state']>) => () => {
  const ctx = context();
  return { ...ctx, state: { ...ctx.state, ...state } };
};

export const REQUEST_CASES: RequestCase[] = [
  // Schema: FIELD_REQUIRED / FIELD_INVALID / FIELD_UNKNOWN.
  { name: 'no port of export', mutate: (r) => delete r.portOfExport, errors: [['FIELD_REQUIRED', '/portOfExport']] },
  { name: 'a block without its quantity', mutate: (r) => delete r.blocks[1].quantity, errors: [['FIELD_REQUIRED', '/blocks/1/quantity']] },
  { name: 'a field the request does not have', mutate: (r) => (r.signature = 'J. Doe'), errors: [['FIELD_UNKNOWN', '/signature']] },
  { name: 'a field a block does not have', mutate: (r) => (r.blocks[0].note = 'half'), errors: [['FIELD_UNKNOWN', '/blocks/0/note']] },
  { name: 'a list, not an object', mutate: () => {}, input: ['CHGVA'], errors: [['FIELD_INVALID', '']] },
  { name: 'null', mutate: () => {}, input: null, errors: [['FIELD_INVALID', '']] },
  { name: 'blocks is not a list', mutate: (r) => (r.blocks = { A: 250 }), errors: [['FIELD_INVALID', '/blocks']] },
  { name: 'a quantity as text', mutate: (r) => (r.blocks[1].quantity = '250'), errors: [['FIELD_INVALID', '/blocks/1/quantity']] },
  { name: 'a negative quantity', mutate: (r) => (r.blocks[0].quantity = -1), errors: [['FIELD_INVALID', '/blocks/0/quantity']] },
  { name: 'a quantity that is NaN', mutate: (r) => (r.blocks[0].quantity = Number.NaN), errors: [['FIELD_INVALID', '/blocks/0/quantity']] },
  { name: 'a quantity that is Infinity', mutate: (r) => (r.blocks[1].quantity = Number.POSITIVE_INFINITY), errors: [['FIELD_INVALID', '/blocks/1/quantity']] },
  // The letter cannot be read, so neither BLOCK_MISSING (for A) nor a quantity rule is reported.
  { name: 'a lowercase block letter', mutate: (r) => (r.blocks[1].block = 'a'), errors: [['FIELD_INVALID', '/blocks/1/block']] },
  // An unknown unit is a format error, not a unit mismatch; the quantity is not compared.
  { name: 'a unit that is not a Rec. 20 code', mutate: (r) => Object.assign(r.blocks[1], { unit: 'PCS', quantity: 900 }), errors: [['FIELD_INVALID', '/blocks/1/unit']] },
  { name: 'a port that is not a UN/LOCODE', mutate: (r) => (r.portOfExport = 'CH-GVA'), errors: [['FIELD_INVALID', '/portOfExport']] },
  { name: 'a port in lowercase', mutate: (r) => (r.portOfExport = 'lkcmb'), errors: [['FIELD_INVALID', '/portOfExport']] },
  { name: 'a port with a 0 (UN/LOCODE uses 2-9)', mutate: (r) => (r.portOfExport = 'CHGV0'), errors: [['FIELD_INVALID', '/portOfExport']] },
  { name: 'a date that is no calendar day', mutate: (r) => (r.date = '2026-02-30'), errors: [['FIELD_INVALID', '/date']] },
  { name: 'a date with a time', mutate: (r) => (r.date = '2026-06-09T10:00:00Z'), errors: [['FIELD_INVALID', '/date']] },
  { name: 'a blank transport document', mutate: (r) => (r.transportDocument = '   '), errors: [['FIELD_INVALID', '/transportDocument']] },
  { name: 'an empty transport document (one finding, not two)', mutate: (r) => (r.transportDocument = ''), errors: [['FIELD_INVALID', '/transportDocument']] },
  { name: 'a transport document of 71 characters', mutate: (r) => (r.transportDocument = 'X'.repeat(71)), errors: [['FIELD_INVALID', '/transportDocument']] },
  // Box 15 is printed and shown: the characters rule of the permit's texts (src/permit/text.ts).
  { name: 'a transport document with a right-to-left override', mutate: (r) => (r.transportDocument = '057-\u202e12345675'), errors: [['TEXT_BIDI_CONTROL', '/transportDocument']] },
  { name: 'a transport document with a line break', mutate: (r) => (r.transportDocument = '057-1234\n5675'), errors: [['TEXT_CONTROL_CHARACTER', '/transportDocument']] },
  { name: 'a transport document of zero-width spaces only', mutate: (r) => (r.transportDocument = '\u200b\u200b'), errors: [['TEXT_CONTROL_CHARACTER', '/transportDocument']] },
  { name: 'a transport document of a lone combining accent', mutate: (r) => (r.transportDocument = '\u0301'), errors: [['TEXT_NOT_VISIBLE', '/transportDocument']] },
  { name: 'a transport document with a private-use character', mutate: (r) => (r.transportDocument = '057-\ue000'), errors: [['TEXT_INVALID_CHARACTER', '/transportDocument']] },

  // The permit's state (path "").
  { name: 'a revoked permit', mutate: () => {}, ctx: withState({ revoked: true }), errors: [['PERMIT_REVOKED', '']] },
  { name: 'a suspended permit', mutate: () => {}, ctx: withState({ suspended: true }), errors: [['PERMIT_SUSPENDED', '']] },
  { name: 'a permit endorsed already (Art. VI(5))', mutate: () => {}, ctx: withState({ endorsed: true }), errors: [['ALREADY_ENDORSED', '']] },
  {
    name: 'an expired permit (the day after valid-until)',
    mutate: () => {},
    ctx: () => context({ now: new Date('2026-11-05T00:00:00Z') }),
    errors: [['PERMIT_EXPIRED', '']],
  },
  {
    name: 'an export date after valid-until (and so in the future)',
    mutate: (r) => (r.date = '2026-11-05'),
    ctx: () => context({ now: new Date(`${VALID_UNTIL}T23:00:00Z`) }),
    errors: [
      ['PERMIT_EXPIRED', '/date'],
      ['DATE_IN_FUTURE', '/date'],
    ],
  },
  {
    name: 'an import permit',
    mutate: () => {},
    ctx: () => {
      const ctx = context();
      ctx.permit.documentType = 'import';
      return ctx;
    },
    errors: [['NOT_EXPORT_DOCUMENT', '']],
  },

  // Blocks.
  { name: 'a block the permit does not have', mutate: (r) => r.blocks.push({ block: 'C', quantity: 0 }), errors: [['UNKNOWN_BLOCK', '/blocks/2/block']] },
  { name: 'a block given twice', mutate: (r) => r.blocks.push({ block: 'B', quantity: 0 }), errors: [['DUPLICATE_BLOCK', '/blocks/2/block']] },
  { name: 'block A left out', mutate: (r) => r.blocks.pop(), errors: [['BLOCK_MISSING', '/blocks']] },
  { name: 'no blocks at all', mutate: (r) => (r.blocks = []), errors: [['BLOCK_MISSING', '/blocks']] },
  { name: 'block A in kilograms', mutate: (r) => (r.blocks[1].unit = 'KGM'), errors: [['UNIT_MISMATCH', '/blocks/1/unit']] },
  { name: 'block A over the permitted 250 NAR', mutate: (r) => (r.blocks[1].quantity = 300), errors: [['QUANTITY_EXCEEDED', '/blocks/1/quantity']] },
  { name: 'block B over the permitted 120 NAR, unit left out', mutate: (r) => (r.blocks[0].quantity = 121), errors: [['QUANTITY_EXCEEDED', '/blocks/0/quantity']] },
  // Quantities as on the permit (src/permit/quantity.ts): bound, 3 decimals, whole counts; not compared when refused.
  { name: 'a fraction of a specimen (NAR)', mutate: (r) => (r.blocks[0].quantity = 119.5), errors: [['EXPORTED_QUANTITY_NOT_WHOLE', '/blocks/0/quantity']] },
  { name: 'a quantity above 10^12', mutate: (r) => (r.blocks[1].quantity = 1e13), errors: [['EXPORTED_QUANTITY_TOO_LARGE', '/blocks/1/quantity']] },
  { name: 'JSON 9007199254740993, read as 9007199254740992', mutate: (r) => (r.blocks[1].quantity = JSON.parse('9007199254740993')), errors: [['EXPORTED_QUANTITY_TOO_LARGE', '/blocks/1/quantity']] },
  {
    name: 'four decimal places of a kilogram',
    mutate: (r) => (r.blocks[0].quantity = 1.2345),
    ctx: () => {
      const ctx = context();
      ctx.permit.specimens[1]!.unit = 'KGM';
      return ctx;
    },
    errors: [['EXPORTED_QUANTITY_TOO_PRECISE', '/blocks/0/quantity']],
  },

  {
    name: 'every block 0',
    mutate: (r) => {
      r.blocks[0].quantity = 0;
      r.blocks[1].quantity = 0;
    },
    errors: [['NOTHING_EXPORTED', '/blocks']],
  },

  // Port and date.
  { name: 'a port in Sri Lanka for a Swiss permit', mutate: (r) => (r.portOfExport = 'LKCMB'), errors: [['PORT_NOT_DOMESTIC', '/portOfExport']] },
  { name: 'an export date tomorrow', mutate: (r) => (r.date = '2026-06-11'), errors: [['DATE_IN_FUTURE', '/date']] },
  { name: 'an export date the day before issue', mutate: (r) => (r.date = '2026-05-03'), errors: [['DATE_BEFORE_ISSUE', '/date']] },

  // Several at once: state first, then the schema, then the rules.
  {
    name: 'several errors at once',
    mutate: (r) => {
      r.blocks = [
        { block: 'A', quantity: 300 },
        { block: 'C', quantity: 1 },
        { block: 'A', quantity: 'many', unit: 'KGM' },
      ];
      r.portOfExport = 'LKCMB';
      r.date = '2026-05-01';
      delete r.transportDocument;
      r.stamp = 'yes';
    },
    ctx: withState({ suspended: true, endorsed: true }),
    errors: [
      ['PERMIT_SUSPENDED', ''],
      ['ALREADY_ENDORSED', ''],
      ['FIELD_REQUIRED', '/transportDocument'],
      ['FIELD_UNKNOWN', '/stamp'],
      ['FIELD_INVALID', '/blocks/2/quantity'],
      ['UNKNOWN_BLOCK', '/blocks/1/block'],
      ['DUPLICATE_BLOCK', '/blocks/2/block'],
      ['BLOCK_MISSING', '/blocks'],
      ['UNIT_MISMATCH', '/blocks/2/unit'],
      ['QUANTITY_EXCEEDED', '/blocks/0/quantity'],
      ['PORT_NOT_DOMESTIC', '/portOfExport'],
      ['DATE_BEFORE_ISSUE', '/date'],
    ],
  },
];

/** Requests that must pass, with the state or clock at a boundary. */
export const BOUNDARY_CASES: Array<{ name: string; mutate: (request: any) => void; ctx?: () => EndorsementContext }> = [
  { name: 'exported on the day of issue', mutate: (r) => (r.date = '2026-05-04') },
  { name: 'exported today', mutate: (r) => (r.date = '2026-06-10') },
  { name: 'endorsed in the last second of the valid-until day', mutate: (r) => (r.date = VALID_UNTIL), ctx: () => context({ now: new Date(`${VALID_UNTIL}T23:59:59.999Z`) }) },
  { name: 'exactly the permitted quantities', mutate: (r) => (r.blocks[0].quantity = 120) },
  { name: 'block B not shipped (0)', mutate: (r) => (r.blocks[0].quantity = 0) },
  {
    name: 'three decimal places of a kilogram',
    mutate: (r) => (r.blocks[0].quantity = 1.234),
    ctx: () => {
      const ctx = context();
      ctx.permit.specimens[1]!.unit = 'KGM';
      return ctx;
    },
  },
  { name: 'a lowercase authority country', mutate: () => {}, ctx: () => context({ authorityCountry: 'ch' }) },
  { name: 'an "other" document (certificate used for export)', mutate: () => {}, ctx: () => {
    const ctx = context();
    Object.assign(ctx.permit, { documentType: 'other', otherDocumentType: 'Pre-Convention certificate' });
    return ctx;
  } },
];
