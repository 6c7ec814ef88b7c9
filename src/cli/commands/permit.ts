import { readFileSync, writeFileSync } from 'node:fs';
import type { PrintLanguage } from '../../print/print-permit.js';
// Veramo and the key store load only for `permit issue` ('sign'); the other commands are 'read'.
import { foundPermit, withCliAgent } from '../agent.js';
import { parsePermitFilter } from '../../store/permit-filter.js';
import { storedPermitJson } from '../../store/stored-permit-view.js';
import type { RuleIssue } from '../../codes.js';
import type { StoredPermit } from '../../store/permits.js';
import { actorRequest, resolveActor } from '../acting-person.js';
import { EXIT, UsageError, type Output } from '../output.js';

const issueLines = (title: string, issues: RuleIssue[]) =>
  issues.length ? [title, ...issues.map((i) => `  ${i.code.padEnd(28)} ${i.path || '/'}  ${i.message}`)] : [];

/** `saiga permit issue FILE (--signatory NAME | --token T)`: issues the permit request in FILE and prints its number, id and JWT. */
export async function permitIssueCommand(
  options: { config: string; file?: string; signatory?: string; token?: string; env?: Readonly<Record<string, string | undefined>> },
  out: Output,
): Promise<number> {
  if (!options.file) throw new UsageError('usage: saiga permit issue FILE (--signatory NAME | --token TOKEN)');
  // Box 13 names the issuing official: a person, never the login running the command.
  const asked = actorRequest({ name: options.signatory, flag: '--signatory', token: options.token, env: options.env ?? process.env, roles: ['officer'] });
  let request: unknown;
  try {
    request = JSON.parse(readFileSync(options.file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read a JSON permit request from ${options.file}: ${(error as Error).message}`);
  }
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const officer = await resolveActor(asked, saiga.tokens, ['officer']);
    const outcome = await saiga.issuance.issue(request, { signatory: officer.name, ...(officer.tokenId !== undefined && { tokenId: officer.tokenId }) });
    if (!outcome.ok) {
      out.result({ error: { code: 'PERMIT_INVALID', errors: outcome.errors, warnings: outcome.warnings } }, () => [
        `Refused: the request breaks ${outcome.errors.length} rule(s); nothing was issued.`,
        ...issueLines('Errors:', outcome.errors),
        ...issueLines('Warnings:', outcome.warnings),
      ]);
      return EXIT.REFUSED;
    }
    const { record } = outcome;
    out.result({ permitNumber: record.permitNumber, id: record.credentialId, jwt: record.jwt, warnings: outcome.warnings }, () => [
      `Issued permit ${record.permitNumber}`,
      `  id          ${record.credentialId}`,
      `  valid until ${record.validUntil}`,
      ...issueLines('Warnings:', outcome.warnings),
      '',
      record.jwt,
    ]);
    return EXIT.OK;
  }, { signer: 'authority' });
}

function summary(record: StoredPermit): string {
  const species = record.permit.specimens.map((s) => s.scientificName).join(', ');
  return `${record.permitNumber.padEnd(16)} ${record.state.padEnd(9)} ${record.documentType.padEnd(9)} ${record.exporterCountry}→${record.importerCountry}  ${record.issuedAt.slice(0, 10)}  until ${record.validUntil}  ${species}`;
}

const LIST_HEADER = `${'NUMBER'.padEnd(16)} ${'STATE'.padEnd(9)} ${'TYPE'.padEnd(9)} ROUTE  ISSUED      VALID UNTIL       SPECIES`;

export async function permitShowCommand(options: { config: string; number?: string }, out: Output): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit show NUMBER');
  const permitNumber = options.number;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const record = foundPermit(await saiga.records.permit(permitNumber), permitNumber);
    const p = record.permit;
    out.result(storedPermitJson(record), () => [
      summary(record),
      `  issued by   ${p.managementAuthority.name} (${record.issuerDid}), ${p.issued.place}, ${p.issued.date}, signed ${p.issued.signatory}`,
      `  exporter    ${p.exporter.name}, ${p.exporter.address}, ${p.exporter.country}`,
      `  importer    ${p.importer.name}, ${p.importer.address}, ${p.importer.country}`,
      `  purpose     ${p.purpose}`,
      ...p.specimens.map((s) => `  block ${s.block}     ${s.scientificName} — ${s.description}: ${s.quantity} ${s.unit} (${s.term}, App. ${s.appendix}, source ${s.source})`),
      '',
      record.jwt,
    ]);
    return EXIT.OK;
  });
}

export async function permitListCommand(options: { config: string; query: Record<string, unknown> }, out: Output): Promise<number> {
  let filter;
  try {
    filter = parsePermitFilter(options.query);
  } catch (error) {
    // Name the flag, not the query parameter: --issued-from, not /issuedFrom.
    const { path, message } = (error as { details?: { path: string; message: string } }).details ?? { path: '', message: (error as Error).message };
    throw new UsageError(`--${path.slice(1).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${message}`);
  }
  return withCliAgent('read', options.config, out, async (saiga) => {
    const { items, total } = await saiga.records.list(filter);
    out.result({ items: items.map(storedPermitJson), total, limit: filter.limit, offset: filter.offset }, () =>
      items.length === 0 ? ['No permits.'] : [LIST_HEADER, ...items.map(summary), `${items.length} of ${total}`],
    );
    return EXIT.OK;
  });
}

/** `saiga permit qr NUMBER [--png FILE | --svg FILE]`: prints the QR text (a verifier link) and writes the image. */
export async function permitQrCommand(options: { config: string; number?: string; png?: string; svg?: string }, out: Output): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit qr NUMBER [--png FILE | --svg FILE]');
  const permitNumber = options.number;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const record = foundPermit(await saiga.records.permit(permitNumber), permitNumber);
    const { permitQr } = await import('../../print/permit-qr.js');
    const qr = await permitQr(saiga.config, record.jwt);
    // The image writers (qrcode, pngjs) load only when an image is asked for.
    if (options.png) await (await import('../../qr/render.js')).writeQrPng(qr.text, options.png);
    if (options.svg) writeFileSync(options.svg, await (await import('../../qr/render.js')).qrSvg(qr.text));
    out.result({ permitNumber: record.permitNumber, kind: qr.kind, version: qr.version, text: qr.text }, () => [
      `QR of ${record.permitNumber}: ${qr.kind === 'qr' ? 'the whole signed permit' : 'a reference (the permit is too large for one code)'}, version ${qr.version} at error correction M, ${qr.text.length} characters`,
      ...(options.png ? [`  written to ${options.png}`] : []),
      ...(options.svg ? [`  written to ${options.svg}`] : []),
      '',
      qr.text,
    ]);
    return EXIT.OK;
  });
}

/** `saiga permit pdf NUMBER --out FILE [--lang en|fr|es]`: the printed permit. */
export async function permitPdfCommand(options: { config: string; number?: string; out?: string; lang?: string }, out: Output): Promise<number> {
  if (!options.number || !options.out) throw new UsageError('usage: saiga permit pdf NUMBER --out FILE [--lang en|fr|es]');
  // pdfkit and the print layout load only for this command.
  const { PRINT_LANGUAGES, printPermit } = await import('../../print/print-permit.js');
  const language = (options.lang ?? 'en') as PrintLanguage;
  if (!PRINT_LANGUAGES.includes(language)) throw new UsageError('--lang must be en, fr or es');
  const { number: permitNumber, out: file } = options;
  // Printing reads the permit and its state: no key is needed.
  return withCliAgent('read', options.config, out, async (saiga) => {
    const pdf = foundPermit(await printPermit(saiga, permitNumber, language), permitNumber);
    writeFileSync(file, pdf);
    out.result({ permitNumber, file, bytes: pdf.length, language }, () => [`Wrote the permit ${permitNumber} (${language}) to ${file}`]);
    return EXIT.OK;
  });
}
