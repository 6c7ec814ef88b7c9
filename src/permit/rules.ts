/**
 * The CITES issuance rules that relate fields to one another (Convention Arts. III and VI, Res. Conf. 12.3; docs/sources.md §1–2),
 * one small function each. They read the document defensively: they run even when the
 * schema found errors and simply skip what the data does not allow them to judge, so
 * that an officer sees every problem at once. Browser-safe.
 */

import type { RuleIssue } from '../codes.js';
import { blockLetter, issue, pointer, recordOf, specimenLines, textOf } from './findings.js';
import { importPermitIssuedByImportingCountry, importPermitNumberForm, type ImportPermitTrust } from './import-permit.js';
import type { DocumentType } from './model.js';
import { quantitiesStateable } from './quantity.js';
import { requestTooLarge } from './size.js';
import { maxValidUntil, utcDate, validityMonths } from './validity.js';

export interface RuleContext {
  /** Country of the issuing authority: the domestic-party rules apply only when it is known. */
  authorityCountry?: string;
  /** The date of issue: `now` for a request, the credential's issuanceDate for an issued permit. */
  issuedAt?: Date;
  /** Box 2 of an issued permit (its credential's expirationDate); a request carries its own. */
  validUntil?: string;
  /** The current time; set for requests only, since an issued permit is judged independently of when it is read. */
  now?: Date;
  /** Whom the checker trusts, for the import permit's issuer (import-permit.ts); without it the issuer is not judged. */
  trust?: ImportPermitTrust;
}

export type Doc = Record<string, unknown>;
export type Rule = (doc: Doc, ctx: RuleContext) => RuleIssue[];

const DOCUMENT_TYPES: readonly DocumentType[] = ['export', 're-export', 'import', 'other'];
const isDocumentType = (value: unknown): value is DocumentType => DOCUMENT_TYPES.includes(value as DocumentType);
const isExportOrReExport = (doc: Doc): boolean => doc['documentType'] === 'export' || doc['documentType'] === 're-export';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const countryOf = (doc: Doc, party: 'importer' | 'exporter'): string | undefined => textOf(recordOf(doc, party), 'country');

/** Box 1: a document of type "Other (specify)" must say what it is (standard form, Res. Conf. 12.3 Annex 2). */
export const otherDocumentTypeNamed: Rule = (doc) =>
  doc['documentType'] === 'other' && doc['otherDocumentType'] === undefined
    ? [issue('OTHER_DOCUMENT_TYPE_REQUIRED', '/otherDocumentType', 'Say which certificate it is, e.g. "Pre-Convention certificate".')]
    : [];

/**
 * An authority issues export and re-export documents for exporters in its own country,
 * and import permits for importers in its own country (Art. III–V: the Management
 * Authority of the exporting / importing State grants them).
 */
export const partiesAreDomestic: Rule = (doc, ctx) => {
  const authority = ctx.authorityCountry?.toUpperCase();
  if (!authority) return [];
  if (isExportOrReExport(doc)) {
    const exporter = countryOf(doc, 'exporter');
    return exporter !== undefined && exporter !== authority
      ? [issue('EXPORTER_NOT_DOMESTIC', '/exporter/country', `The exporter is in ${exporter}; this authority is in ${authority}.`)]
      : [];
  }
  if (doc['documentType'] === 'import') {
    const importer = countryOf(doc, 'importer');
    return importer !== undefined && importer !== authority
      ? [issue('IMPORTER_NOT_DOMESTIC', '/importer/country', `The importer is in ${importer}; this authority is in ${authority}.`)]
      : [];
  }
  return [];
};

/** Exporter and importer must be in different countries: it is international trade (WCMC rule exporter ≠ importer, §4.1 I9). */
export const countriesDiffer: Rule = (doc) => {
  const exporter = countryOf(doc, 'exporter');
  return exporter !== undefined && exporter === countryOf(doc, 'importer')
    ? [issue('SAME_COUNTRY', '/importer/country', `Both exporter and importer are in ${exporter}.`)]
    : [];
};

/**
 * Art. III(2)(d): an Appendix I export permit may be granted only once the importing State
 * has granted an import permit; Art. III(4)(c) asks the same of re-exports (we ask it of all
 * Appendix I re-exports, not only live specimens, the stricter reading). Source D is exempt:
 * Art. VII(4) treats those specimens as Appendix II. One finding per document is enough.
 */
export const importPermitForAppendixI: Rule = (doc) => {
  if (!isExportOrReExport(doc) || doc['importPermit'] !== undefined) return [];
  const needing = specimenLines(doc).find(({ line }) => line['appendix'] === 'I' && line['source'] !== 'D');
  if (!needing) return [];
  const name = textOf(needing.line, 'scientificName') ?? 'the specimen';
  return [
    issue(
      'IMPORT_PERMIT_REQUIRED',
      '/importPermit',
      `Block ${blockLetter(needing.index)} (${name}) is Appendix I, source ${String(needing.line['source'])}: give the import permit number.`,
    ),
  ];
};

/** Box 12b: source D needs the registration number of the operation (Res. Conf. 12.10; §4.1 I7). */
export const operationNumberForSourceD: Rule = (doc) =>
  specimenLines(doc).flatMap(({ index, line }) =>
    line['source'] === 'D' && line['operationNumber'] === undefined
      ? [issue('OPERATION_NUMBER_REQUIRED', pointer('specimens', index, 'operationNumber'), `Block ${blockLetter(index)} has source D.`)]
      : [],
  );

/** Box 12b: pre-Convention specimens (source O) need their date of acquisition (Art. VII(2); §4.1 I8). */
export const acquisitionDateForSourceO: Rule = (doc) =>
  specimenLines(doc).flatMap(({ index, line }) =>
    line['source'] === 'O' && line['acquisitionDate'] === undefined
      ? [issue('ACQUISITION_DATE_REQUIRED', pointer('specimens', index, 'acquisitionDate'), `Block ${blockLetter(index)} has source O.`)]
      : [],
  );

/** Box 12: a re-export names the country of origin of each block (§4.1 I9). */
export const originForReExport: Rule = (doc) =>
  doc['documentType'] !== 're-export'
    ? []
    : specimenLines(doc).flatMap(({ index, line }) =>
        line['origin'] === undefined
          ? [issue('ORIGIN_REQUIRED', pointer('specimens', index, 'origin'), `Block ${blockLetter(index)} has no country of origin.`)]
          : [],
      );

/**
 * Box 12: the country of origin is another country than the (re-)exporter's; when the
 * exporter's country is the origin, box 12 stays blank (WCMC rule exporter ≠ origin, §4.1 I9).
 */
export const originIsNotExporter: Rule = (doc) => {
  const exporter = countryOf(doc, 'exporter');
  if (exporter === undefined) return [];
  return specimenLines(doc).flatMap(({ index, line }) =>
    textOf(recordOf(line, 'origin'), 'country') === exporter
      ? [issue('ORIGIN_IS_EXPORTER', pointer('specimens', index, 'origin', 'country'), `Block ${blockLetter(index)}: origin and exporter are both ${exporter}.`)]
      : [],
  );
};

/** Dates of acquisition and of referenced documents lie in the past: nothing can be acquired or issued tomorrow (requests only). */
export const datesNotInFuture: Rule = (doc, ctx) => {
  if (!ctx.now) return [];
  const today = utcDate(ctx.now);
  const dated: Array<[string, unknown]> = [[pointer('importPermit', 'date'), recordOf(doc, 'importPermit')?.['date']]];
  for (const { index, line } of specimenLines(doc)) {
    dated.push([pointer('specimens', index, 'acquisitionDate'), line['acquisitionDate']]);
    dated.push([pointer('specimens', index, 'origin', 'date'), recordOf(line, 'origin')?.['date']]);
    dated.push([pointer('specimens', index, 'lastReExport', 'date'), recordOf(line, 'lastReExport')?.['date']]);
  }
  return dated.flatMap(([path, value]) =>
    typeof value === 'string' && DATE.test(value) && value > today
      ? [issue('DATE_IN_FUTURE', path, `${value} is after today, ${today}.`)]
      : [],
  );
};

/**
 * Box 2 (§2, §4.1 I4): valid-until lies after the date of issue and within the document
 * type's limit from it (see validity.ts). A permit is valid through the end of that day, UTC.
 */
export const validityWithinLimit: Rule = (doc, ctx) => {
  const type = doc['documentType'];
  const validUntil = ctx.validUntil ?? doc['validUntil'];
  if (!ctx.issuedAt || !isDocumentType(type) || typeof validUntil !== 'string' || !DATE.test(validUntil)) return [];
  const issuedOn = utcDate(ctx.issuedAt);
  if (validUntil <= issuedOn) {
    return [issue('VALIDITY_ENDED', '/validUntil', `Valid until ${validUntil} is not after the date of issue, ${issuedOn}.`)];
  }
  const other = textOf(doc, 'otherDocumentType');
  const limit = maxValidUntil(type, other, ctx.issuedAt);
  return validUntil > limit
    ? [
        issue(
          'VALIDITY_TOO_LONG',
          '/validUntil',
          `Valid until ${validUntil} is after ${limit}: ${validityMonths(type, other)} months from the date of issue, ${issuedOn}, for this document type.`,
        ),
      ]
    : [];
};

/**
 * Issued permits: blocks are lettered A, B, C, … in order. Customs endorsements (box 14)
 * refer to blocks by letter, so a skipped or repeated letter would make them ambiguous.
 */
export const blocksLetteredInOrder: Rule = (doc) =>
  specimenLines(doc).flatMap(({ index, line }) => {
    const block = line['block'];
    return typeof block === 'string' && /^[A-Z]$/.test(block) && block !== blockLetter(index)
      ? [issue('FIELD_INVALID', pointer('specimens', index, 'block'), `Specimen line ${index + 1} must be block ${blockLetter(index)}, not ${block}.`)]
      : [];
  });

/** The whole request: what it signs into would be too large for any verifier to read (size.ts). Requests only. */
export const sizeWithinLimit: Rule = (doc) => requestTooLarge(doc);

/** Rules for a request, in the order their findings are listed. */
export const REQUEST_RULES: readonly Rule[] = [
  otherDocumentTypeNamed,
  partiesAreDomestic,
  countriesDiffer,
  importPermitForAppendixI,
  importPermitNumberForm,
  importPermitIssuedByImportingCountry,
  operationNumberForSourceD,
  acquisitionDateForSourceO,
  originForReExport,
  originIsNotExporter,
  datesNotInFuture,
  validityWithinLimit,
  quantitiesStateable,
  sizeWithinLimit,
];

/**
 * Rules for an issued permit: the request rules that do not depend on the current time, plus
 * box 6 and block letters. Not the size rule: a verifier holding the JWT has read it already.
 */
export const PERMIT_RULES: readonly Rule[] = [
  ...REQUEST_RULES.filter((rule) => rule !== datesNotInFuture && rule !== sizeWithinLimit),
  blocksLetteredInOrder,
];

export const runRules = (rules: readonly Rule[], doc: Doc, ctx: RuleContext): RuleIssue[] => rules.flatMap((rule) => rule(doc, ctx));
