/**
 * Permit numbers (box 1). Art. VI(3): every document carries a control number assigned by
 * the Management Authority; it must be unique. CITES sets no format (France uses
 * FR1007533178-E, the Czech Republic 23CZ034504), so the format is set in agent.yml.
 *
 * Placeholders: {CC} authority country, {YYYY} / {YY} year of issue, {T} document type
 * letter (E export, R re-export, I import, O other, as in the toolkit's box 1 codes),
 * {SEQ:n} the sequence, zero-padded to n digits (exactly once). The sequence counts per
 * "scope": the number with the sequence left out, so that a new year or type restarts at 1.
 */
import type { DocumentType } from '../permit/model.js';

export interface PermitNumberFormat {
  readonly template: string;
  readonly seqWidth: number;
}

const TYPE_LETTER: Record<DocumentType, string> = { export: 'E', 're-export': 'R', import: 'I', other: 'O' };
const PLACEHOLDER = /\{(CC|YYYY|YY|T|SEQ:(\d{1,2}))\}/g;
/** WCO data model: document identifiers up to 35 characters. */
export const MAX_PERMIT_NUMBER_LENGTH = 35;

export function parseNumberFormat(template: string): PermitNumberFormat {
  const seq = [...template.matchAll(/\{SEQ:(\d{1,2})\}/g)];
  if (seq.length !== 1) throw new Error('the permit number format needs {SEQ:n} exactly once');
  const seqWidth = Number(seq[0]![1]);
  if (seqWidth < 1 || seqWidth > 12) throw new Error('{SEQ:n} takes a width from 1 to 12');
  const literal = template.replace(PLACEHOLDER, '');
  // Numbers appear in URLs, file names and QR codes: keep them to unreserved characters.
  if (!/^[A-Za-z0-9._-]*$/.test(literal)) {
    throw new Error('the permit number format may hold only letters, digits, ".", "_", "-" and placeholders');
  }
  const longest = template.replace(PLACEHOLDER, (_m, name: string) => (name === 'YYYY' ? 'XXXX' : name.startsWith('SEQ') ? 'X'.repeat(seqWidth) : 'XX').slice(0, name === 'T' ? 1 : undefined));
  if (longest.length > MAX_PERMIT_NUMBER_LENGTH) throw new Error(`permit numbers would exceed ${MAX_PERMIT_NUMBER_LENGTH} characters`);
  return { template, seqWidth };
}

export interface NumberContext {
  country: string;
  documentType: DocumentType;
  issuedAt: Date;
}

function fill(format: PermitNumberFormat, ctx: NumberContext, seq: string): string {
  const year = String(ctx.issuedAt.getUTCFullYear());
  return format.template.replace(PLACEHOLDER, (_m, name: string) => {
    if (name === 'CC') return ctx.country;
    if (name === 'YYYY') return year;
    if (name === 'YY') return year.slice(2);
    if (name === 'T') return TYPE_LETTER[ctx.documentType];
    return seq;
  });
}

/** The counter scope: the number without its sequence. */
export function numberScope(format: PermitNumberFormat, ctx: NumberContext): string {
  return fill(format, ctx, '#');
}

export function formatPermitNumber(format: PermitNumberFormat, ctx: NumberContext, sequence: number): string {
  const digits = String(sequence);
  if (digits.length > format.seqWidth) throw new Error(`the permit sequence for ${numberScope(format, ctx)} is exhausted`);
  return fill(format, ctx, digits.padStart(format.seqWidth, '0'));
}
