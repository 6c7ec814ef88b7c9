/**
 * Checks a customs officer's export endorsement (boxes 14 and 15) against the permit it
 * endorses, and reads signed endorsements for verifiers (Res. Conf. 12.3 (Rev. CoP19), boxes 14 and 15; Art. VI(5); docs/sources.md §5).
 *
 * Every finding is reported at once, with a stable code from LIFECYCLE_CODES, a JSON
 * pointer into the request ("" for the permit's own state) and a message naming the value
 * and the limit (./findings.ts). Never throws for bad input. Browser-safe.
 */

import type { LifecycleIssue, TextCode } from '../codes.js';
import { issue, schemaIssues } from './findings.js';
import { textFinding } from '../permit/text.js';
import { isRecord, pointer } from '../permit/findings.js';
import type { Permit } from '../permit/model.js';
import { quantityProblem } from '../permit/quantity.js';
import { endorsementRequestValidator, endorsementValidator } from '../permit/schema-validators.js';
import { isWithinValidity, utcDate } from '../permit/validity.js';
import type { EndorsedBlock } from './model.js';

/** What the endorsing authority knows besides the request. */
export interface EndorsementContext {
  /** The issued permit being endorsed. */
  permit: Permit;
  state: { revoked: boolean; suspended: boolean; endorsed: boolean };
  /** ISO 3166-1 alpha-2 country of the endorsing authority. */
  authorityCountry: string;
  now: Date;
}

export type EndorsementValidation = { ok: true; blocks: EndorsedBlock[]; errors: [] } | { ok: false; errors: LifecycleIssue[] };


/** One entry of `blocks`, with only the values that passed the schema. */
interface Entry {
  index: number;
  block?: string;
  quantity?: number;
  unit?: string;
  /** A unit was given but is not a valid code, so quantities cannot be compared. */
  unitInvalid: boolean;
}

/** The request as the rules see it: a field is present only when the schema accepted it. */
interface Reading {
  /** Undefined when `blocks` is not a readable array. */
  entries?: Entry[];
  portOfExport?: string;
  date?: string;
  transportDocument?: string;
}

function read(input: unknown, invalid: ReadonlySet<string>): Reading {
  const ok = (path: string) => !invalid.has(path);
  const str = (value: unknown, path: string) => (typeof value === 'string' && ok(path) ? value : undefined);
  if (!isRecord(input)) return {};
  const reading: Reading = {};
  const portOfExport = str(input['portOfExport'], '/portOfExport');
  const date = str(input['date'], '/date');
  if (portOfExport !== undefined) reading.portOfExport = portOfExport;
  if (date !== undefined) reading.date = date;
  const transportDocument = str(input['transportDocument'], '/transportDocument');
  if (transportDocument !== undefined) reading.transportDocument = transportDocument;
  const blocks = input['blocks'];
  if (Array.isArray(blocks) && ok('/blocks')) {
    reading.entries = blocks.map((raw: unknown, index): Entry => {
      const line = isRecord(raw) ? raw : {};
      const entry: Entry = { index, unitInvalid: line['unit'] !== undefined && !ok(pointer('blocks', index, 'unit')) };
      const block = str(line['block'], pointer('blocks', index, 'block'));
      const quantity = line['quantity'];
      const unit = str(line['unit'], pointer('blocks', index, 'unit'));
      if (block !== undefined) entry.block = block;
      if (typeof quantity === 'number' && ok(pointer('blocks', index, 'quantity'))) entry.quantity = quantity;
      if (unit !== undefined) entry.unit = unit;
      return entry;
    });
  }
  return reading;
}

type StateRule = (ctx: EndorsementContext, reading: Reading) => LifecycleIssue[];
type RequestRule = (reading: Reading, ctx: EndorsementContext) => LifecycleIssue[];

const numbered = (permit: Permit) => `Permit ${permit.permitNumber}`;

/** A revoked permit must not be used (§4.3 R2, U6): the issuer has cancelled it. */
const notRevoked: StateRule = ({ permit, state }) =>
  state.revoked ? [issue('PERMIT_REVOKED', '', `${numbered(permit)} was revoked by the issuing authority and cannot be used for export.`)] : [];

/** A suspended permit must not be used while suspended. */
const notSuspended: StateRule = ({ permit, state }) =>
  state.suspended ? [issue('PERMIT_SUSPENDED', '', `${numbered(permit)} is suspended and cannot be used for export until it is reinstated.`)] : [];

/**
 * Art. VI(2): a permit must be used for export before it expires, i.e. by the end of its
 * valid-until day (UTC). Reported on the permit when it has expired already, else on an
 * export date after the valid-until date.
 */
const notExpired: StateRule = ({ permit, now }, { date }) => {
  if (!isWithinValidity(permit.validUntil, now)) {
    return [issue('PERMIT_EXPIRED', '', `${numbered(permit)} was valid until ${permit.validUntil} (end of day, UTC); today is ${utcDate(now)}.`)];
  }
  return date !== undefined && date > permit.validUntil
    ? [issue('PERMIT_EXPIRED', '/date', `Export date ${date} is after the permit's valid-until date, ${permit.validUntil}.`)]
    : [];
};

/** Art. VI(5) (§4.1 I3): one permit per consignment, so a permit is endorsed once. */
const notEndorsedBefore: StateRule = ({ permit, state }) =>
  state.endorsed ? [issue('ALREADY_ENDORSED', '', `${numbered(permit)} already carries an export endorsement.`)] : [];

/** Box 14 is the export endorsement; an import permit is cancelled at import instead (Art. VI(6), U4). */
const isExportDocument: StateRule = ({ permit }) =>
  permit.documentType === 'import' ? [issue('NOT_EXPORT_DOCUMENT', '', `${numbered(permit)} is an import permit.`)] : [];

const STATE_RULES: readonly StateRule[] = [notRevoked, notSuspended, notExpired, notEndorsedBefore, isExportDocument];

const blockPath = (entry: Entry, field: string) => pointer('blocks', entry.index, field);
const permitBlock = (permit: Permit, letter: string | undefined) => permit.specimens.find((s) => s.block === letter);
const letters = (list: readonly string[]) => list.join(', ');

/** Box 14 names blocks of this permit (U1); any other letter endorses nothing on it. */
const blocksArePermitBlocks: RequestRule = ({ entries = [] }, { permit }) =>
  entries
    .filter((e) => e.block !== undefined && !permitBlock(permit, e.block))
    .map((e) =>
      issue('UNKNOWN_BLOCK', blockPath(e, 'block'), `Block ${e.block} is not on permit ${permit.permitNumber}, which has blocks ${letters(permit.specimens.map((s) => s.block))}.`),
    );

/** Each block is endorsed once (U1: one actual quantity per block); a second entry is ambiguous. */
const blocksGivenOnce: RequestRule = ({ entries = [] }, { permit }) =>
  entries.flatMap((e) => {
    const first = entries.find((other) => other.block === e.block);
    return e.block !== undefined && permitBlock(permit, e.block) && first !== e
      ? [issue('DUPLICATE_BLOCK', blockPath(e, 'block'), `Block ${e.block} is given twice (entries ${first!.index + 1} and ${e.index + 1}).`)]
      : [];
  });

/**
 * U1: every block is endorsed, with 0 for a block not shipped (on paper, unused blocks
 * are struck out), so that no balance can be read as still available (U2, Art. VI(5)).
 * Skipped while an entry's letter is unreadable: it may be the block that looks missing.
 */
const everyBlockGiven: RequestRule = ({ entries }, { permit }) => {
  if (entries === undefined || entries.some((e) => e.block === undefined)) return [];
  const missing = permit.specimens.map((s) => s.block).filter((letter) => !entries.some((e) => e.block === letter));
  if (missing.length === 0) return [];
  const detail = missing.length === 1 ? `Block ${missing[0]} is not given.` : `Blocks ${letters(missing)} are not given.`;
  return [issue('BLOCK_MISSING', '/blocks', detail)];
};

/** Box 11 fixes the unit of each block; an endorsed quantity in another unit cannot be compared with it. */
const unitsMatchPermit: RequestRule = ({ entries = [] }, { permit }) =>
  entries.flatMap((e) => {
    const specimen = permitBlock(permit, e.block);
    return specimen && e.unit !== undefined && e.unit !== specimen.unit
      ? [issue('UNIT_MISMATCH', blockPath(e, 'unit'), `Block ${e.block}: ${e.unit} given, the permit's unit is ${specimen.unit}.`)]
      : [];
  });

/** Box 14 states quantities as box 11 does: within bound and precision, counts whole (src/permit/quantity.ts). */
const quantitiesStateable: RequestRule = ({ entries = [] }, { permit }) =>
  entries.flatMap((e) => {
    const problem = quantityProblem(e.quantity, e.unit ?? permitBlock(permit, e.block)?.unit);
    // Box 14's own codes: a code names one table's meaning (test/codes/registry.test.ts).
    return problem ? [issue(`EXPORTED_${problem.code}`, blockPath(e, 'quantity'), `Block ${e.block ?? '?'}: ${problem.detail}`)] : [];
  });

/** U1, U2: the actual quantity exported may be less than permitted, never more. */
const quantitiesWithinPermit: RequestRule = ({ entries = [] }, { permit }) =>
  entries.flatMap((e) => {
    const specimen = permitBlock(permit, e.block);
    if (!specimen || e.quantity === undefined || e.unitInvalid || (e.unit !== undefined && e.unit !== specimen.unit)) return [];
    // A quantity no permit can state is reported as such (quantitiesStateable), not compared.
    if (quantityProblem(e.quantity, specimen.unit)) return [];
    return e.quantity > specimen.quantity
      ? [issue('QUANTITY_EXCEEDED', blockPath(e, 'quantity'), `Block ${e.block}: ${e.quantity} ${specimen.unit} exported, the permit allows ${specimen.quantity} ${specimen.unit}.`)]
      : [];
  });

/** Box 14 records a shipment; a permit not used is simply left unendorsed (U2: permits are often not used). */
const somethingExported: RequestRule = ({ entries }) =>
  entries !== undefined && entries.length > 0 && entries.every((e) => e.quantity === 0)
    ? [issue('NOTHING_EXPORTED', '/blocks', 'A permit that is not used needs no endorsement; endorse it when the shipment leaves.')]
    : [];

/** Box 14 is completed by the inspecting official of the exporting State, at one of its ports (U1). */
const portIsDomestic: RequestRule = ({ portOfExport }, { authorityCountry }) => {
  const country = authorityCountry.toUpperCase();
  return portOfExport !== undefined && portOfExport.slice(0, 2) !== country
    ? [issue('PORT_NOT_DOMESTIC', '/portOfExport', `Port ${portOfExport} is in ${portOfExport.slice(0, 2)}; this authority endorses exports from ${country} only.`)]
    : [];
};

/** Box 14 records an export that has happened: its date is today or earlier (UTC). */
/**
 * Box 15 is the one free text of an endorsement: it is printed on the permit and shown by
 * every verifier, so it obeys the characters rule of the permit's own texts (src/permit/text.ts:
 * no control, format or direction characters, something visible).
 */
const transportDocumentPrintable: RequestRule = ({ transportDocument }) => {
  const finding = transportDocument === undefined ? undefined : textFinding(transportDocument, '/transportDocument');
  return finding ? [{ code: finding.code as TextCode, path: finding.path, message: finding.message }] : [];
};

const dateNotInFuture: RequestRule = ({ date }, { now }) =>
  date !== undefined && date > utcDate(now) ? [issue('DATE_IN_FUTURE', '/date', `Export date ${date} is after today, ${utcDate(now)} (UTC).`)] : [];

/** A permit covers exports after its issue (box 13); retrospective use is not allowed (§4.1 I13). */
const dateNotBeforeIssue: RequestRule = ({ date }, { permit }) => {
  const issued = new Date(permit.issued.date);
  if (date === undefined || Number.isNaN(issued.getTime())) return [];
  return date < utcDate(issued) ? [issue('DATE_BEFORE_ISSUE', '/date', `Export date ${date} is before the permit was issued, on ${utcDate(issued)}.`)] : [];
};

const REQUEST_RULES: readonly RequestRule[] = [
  blocksArePermitBlocks,
  blocksGivenOnce,
  everyBlockGiven,
  unitsMatchPermit,
  quantitiesStateable,
  quantitiesWithinPermit,
  somethingExported,
  portIsDomestic,
  dateNotInFuture,
  dateNotBeforeIssue,
  transportDocumentPrintable,
];

/**
 * Checks what a customs officer submits to endorse `ctx.permit` at export. Errors come in
 * this order: the permit's state, the schema, then the rules relating request and permit.
 * On success, the blocks are returned in the permit's order, each with its unit.
 *
 * @example
 * const r = validateEndorsementRequest(body, { permit, state: { revoked: false, suspended: false, endorsed: false }, authorityCountry: 'CH', now: new Date() });
 * if (r.ok) sign({ ...body, blocks: r.blocks }); else reply(r.errors);
 */
export function validateEndorsementRequest(input: unknown, ctx: EndorsementContext): EndorsementValidation {
  const schema = schemaIssues(endorsementRequestValidator(), input, 'the endorsement request');
  const reading = read(input, new Set(schema.map((i) => i.path)));
  const errors = [
    ...STATE_RULES.flatMap((rule) => rule(ctx, reading)),
    ...schema,
    ...REQUEST_RULES.flatMap((rule) => rule(reading, ctx)),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const entries = reading.entries ?? [];
  const blocks = ctx.permit.specimens.map((s): EndorsedBlock => ({ block: s.block, quantity: entries.find((e) => e.block === s.block)!.quantity!, unit: s.unit }));
  return { ok: true, blocks, errors: [] };
}

/**
 * Schema check of a signed endorsement's credential subject, for verifiers. Whether it fits
 * the permit is for `exportedQuantities` and the caller (permit id, number, issuer).
 *
 * @example
 * if (!validateEndorsementSubject(claims.subject).ok) reject('ENDORSEMENT_INVALID');
 */
export function validateEndorsementSubject(subject: unknown): { ok: boolean; errors: LifecycleIssue[] } {
  const errors = schemaIssues(endorsementValidator(), subject, 'the endorsement');
  return { ok: errors.length === 0, errors };
}

/** Per block: permitted against exported. Shared with verifiers, so it lives in the leaf vocabulary. */
export { exportedQuantities, type BlockUse } from '../vocab/endorsement.js';
