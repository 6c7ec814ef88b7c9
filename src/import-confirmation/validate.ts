/**
 * Checks what a customs officer submits to confirm an import against the permit that reached
 * this authority (incoming_permit, relation 'import') and what its issuer notified about it:
 * its status, and its export endorsement (boxes 14, 15) when one came. Every finding is
 * reported at once, each with a code (EXCHANGE_CODES "Import confirmation", or a request-field
 * code of LIFECYCLE_CODES) and a JSON pointer into the request ("" for the permit's state).
 * Never throws for bad input. Browser-safe.
 */
import { EXCHANGE_CODES, type ExchangeCode, type LifecycleCode, type TextCode } from '../codes.js';
import { issue as lifecycleIssue, schemaIssues } from '../endorsement/findings.js';
import { isRecord, pointer } from '../permit/findings.js';
import type { Permit } from '../permit/model.js';
import { importConfirmationRequestValidator } from '../permit/schema-validators.js';
import { utcDate } from '../permit/validity.js';
import type { Endorsement } from '../vocab/endorsement.js';
import { importedAgainst, type ImportedBlock } from '../vocab/import-confirmation.js';

export interface ConfirmationIssue {
  code: ExchangeCode | LifecycleCode | TextCode;
  path: string;
  message: string;
}

export interface ConfirmationContext {
  permit: Permit;
  /** As the issuing authority notified it (status-changed). */
  status: 'valid' | 'revoked' | 'suspended';
  /** The export endorsement received (export-endorsed), if any. */
  endorsement: Pick<Endorsement, 'blocks'> | null;
  confirmed: boolean;
  /** ISO 3166-1 alpha-2 country of the confirming authority. */
  authorityCountry: string;
  now: Date;
}

export type ConfirmationValidation =
  | { ok: true; blocks: ImportedBlock[]; exceedsPermitted: boolean; warnings: ConfirmationIssue[] }
  | { ok: false; errors: ConfirmationIssue[] };

const issue = (code: ExchangeCode, path: string, detail: string): ConfirmationIssue => ({ code, path, message: `${EXCHANGE_CODES[code]} ${detail}` });

interface Entry {
  index: number;
  block?: string;
  quantity?: number;
  unit?: string;
}

/** The request's values that passed the schema (a value at a path the schema refused is left out). */
function read(input: unknown, invalid: ReadonlySet<string>) {
  const ok = (path: string) => !invalid.has(path);
  if (!isRecord(input)) return {};
  const str = (v: unknown, path: string) => (typeof v === 'string' && ok(path) ? v : undefined);
  const entries = Array.isArray(input['blocks']) && ok('/blocks')
    ? input['blocks'].map((raw: unknown, index): Entry => {
        const line = isRecord(raw) ? raw : {};
        const entry: Entry = { index };
        const block = str(line['block'], pointer('blocks', index, 'block'));
        const unit = str(line['unit'], pointer('blocks', index, 'unit'));
        if (block !== undefined) entry.block = block;
        if (unit !== undefined) entry.unit = unit;
        if (typeof line['quantity'] === 'number' && ok(pointer('blocks', index, 'quantity'))) entry.quantity = line['quantity'];
        return entry;
      })
    : undefined;
  return { entries, port: str(input['portOfImport'], '/portOfImport'), date: str(input['date'], '/date') };
}

function stateIssues(ctx: ConfirmationContext): ConfirmationIssue[] {
  const n = `Permit ${ctx.permit.permitNumber}`;
  if (ctx.confirmed) return [issue('IMPORT_ALREADY_CONFIRMED', '', `${n} already has an import confirmation.`)];
  if (ctx.status === 'revoked') return [issue('IMPORTED_PERMIT_REVOKED', '', `${n} was revoked by the issuing authority.`)];
  if (ctx.status === 'suspended') return [issue('IMPORTED_PERMIT_SUSPENDED', '', `${n} was suspended by the issuing authority.`)];
  return [];
}

/**
 * Errors come in this order: the permit's state, the schema, then the rules relating
 * request and permit. On success the blocks are in the permit's order, each with its unit;
 * `exceedsPermitted` (with a warning) when no export endorsement was received and more
 * arrived than the permit allows: the officer records what arrived, and the credential says so.
 */
export function validateConfirmationRequest(input: unknown, ctx: ConfirmationContext): ConfirmationValidation {
  const schema = schemaIssues(importConfirmationRequestValidator(), input, 'the import confirmation request');
  const { entries, port, date } = read(input, new Set(schema.map((i) => i.path)));
  const errors: ConfirmationIssue[] = [...stateIssues(ctx), ...schema];
  const specimens = ctx.permit.specimens;
  const at = (e: Entry, field: string) => pointer('blocks', e.index, field);
  const list = entries ?? [];
  for (const e of list) {
    const specimen = specimens.find((s) => s.block === e.block);
    if (e.block !== undefined && !specimen) {
      errors.push(lifecycleIssue('UNKNOWN_BLOCK', at(e, 'block'), `Block ${e.block} is not on permit ${ctx.permit.permitNumber}, which has blocks ${specimens.map((s) => s.block).join(', ')}.`));
    } else if (specimen && list.find((o) => o.block === e.block) !== e) {
      errors.push(lifecycleIssue('DUPLICATE_BLOCK', at(e, 'block'), `Block ${e.block} is given twice.`));
    } else if (specimen && e.unit !== undefined && e.unit !== specimen.unit) {
      errors.push(lifecycleIssue('UNIT_MISMATCH', at(e, 'unit'), `Block ${e.block}: ${e.unit} given, the permit's unit is ${specimen.unit}.`));
    }
  }
  if (entries !== undefined && entries.every((e) => e.block !== undefined)) {
    const missing = specimens.map((s) => s.block).filter((b) => !entries.some((e) => e.block === b));
    if (missing.length > 0) errors.push(lifecycleIssue('BLOCK_MISSING', '/blocks', `Block${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not given; give 0 for a block of which nothing arrived.`));
    if (entries.length > 0 && entries.every((e) => e.quantity === 0)) errors.push(issue('IMPORT_NOTHING_IMPORTED', '/blocks', 'A permit under which nothing arrived needs no confirmation.'));
  }
  const country = ctx.authorityCountry.toUpperCase();
  if (port !== undefined && port.slice(0, 2) !== country) errors.push(issue('IMPORT_PORT_NOT_DOMESTIC', '/portOfImport', `Port ${port} is in ${port.slice(0, 2)}; this authority confirms imports into ${country} only.`));
  if (date !== undefined && date > utcDate(ctx.now)) errors.push(lifecycleIssue('DATE_IN_FUTURE', '/date', `Import date ${date} is after today, ${utcDate(ctx.now)} (UTC).`));
  const issued = new Date(ctx.permit.issued?.date ?? '');
  if (date !== undefined && !Number.isNaN(issued.getTime()) && date < utcDate(issued)) {
    errors.push(lifecycleIssue('DATE_BEFORE_ISSUE', '/date', `Import date ${date} is before the permit was issued, on ${utcDate(issued)}.`));
  }

  // Quantities, per block that passed the checks above: against the export endorsement when one came (what left), else the permit.
  const blocks = specimens.map((s): ImportedBlock => ({ block: s.block, quantity: list.find((e) => e.block === s.block)?.quantity ?? 0, unit: s.unit }));
  const limits = ctx.endorsement ? ctx.endorsement.blocks : specimens.map((s) => ({ block: s.block, quantity: s.quantity, unit: s.unit }));
  const warnings: ConfirmationIssue[] = [];
  for (const q of importedAgainst(limits, { blocks })) {
    const e = list.find((x) => x.block === q.block);
    if (!q.exceeded || e === undefined || e.quantity === undefined) continue;
    const detail = `Block ${q.block}: ${q.imported!.quantity} ${q.imported!.unit} imported, ${q.limit!.quantity} ${q.limit!.unit} ${ctx.endorsement ? 'exported' : 'permitted'}.`;
    if (ctx.endorsement) errors.push(issue('IMPORT_QUANTITY_ABOVE_EXPORTED', at(e, 'quantity'), detail));
    else warnings.push(issue('IMPORT_QUANTITY_ABOVE_PERMITTED', at(e, 'quantity'), detail));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, blocks, exceedsPermitted: warnings.length > 0, warnings };
}
