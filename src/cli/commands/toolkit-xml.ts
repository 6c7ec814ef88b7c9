/**
 * Issue 10 §2, the CITES toolkit XML on the command line (docs/toolkit-xml.md):
 * - `saiga permit xml NUMBER [--out FILE] [--toolkit-version 1|2]` (read): a permit issued here as toolkit XML;
 * - `saiga permit import-xml FILE [--out FILE] [--json]` (read): a toolkit document as a permit
 *   request, checked with the issuance rules, and what could not be mapped, with paths;
 * - `saiga exchange lookup --peer DID NUMBER [--out FILE]` (sign): a trusted peer's permit as
 *   toolkit XML, asked with a DIDJWT signed by this authority (src/toolkit-xml/lookup-client.ts).
 * Nothing is written but FILE, and FILE only when the command succeeds.
 */
import { openSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { withCliAgent } from '../agent.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { toolkitVersionOf, toolkitXmlOf } from '../../toolkit-xml/export-permit.js';
import { importToolkitPermit } from '../../toolkit-xml/import-permit.js';
import { lookupPermitXml } from '../../toolkit-xml/lookup-client.js';
import { MAX_XML_BYTES } from '../../toolkit-xml/namespaces.js';
import { NOTICE_CODES } from '../../toolkit-xml/read-permit.js';
import type { XmlFinding } from '../../toolkit-xml/findings.js';
import { xmlFinding } from '../../toolkit-xml/findings.js';

const findingLines = (findings: readonly { code: string; path: string; message: string; line?: number; column?: number }[]) =>
  findings.map((f) => `  ${f.code.padEnd(28)} ${f.path}${f.line !== undefined ? ` (line ${f.line}, column ${f.column})` : ''}  ${f.message}`);

export async function permitXmlCommand(options: { config: string; number?: string; out?: string; toolkitVersion?: string }, out: Output): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit xml NUMBER [--out FILE] [--toolkit-version 1|2]');
  const version = toolkitVersionOf(options.toolkitVersion);
  if (version === undefined) throw new UsageError('--toolkit-version must be 1 or 2');
  const permitNumber = options.number;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const xml = await toolkitXmlOf(saiga.records, permitNumber, version);
    if (xml === undefined) {
      const message = `No permit numbered ${permitNumber} was issued here.`;
      out.result({ error: { code: 'NOT_FOUND', message } }, () => [message]);
      return EXIT.REFUSED;
    }
    if (options.out) {
      writeFileSync(options.out, xml);
      out.result({ permitNumber, version, out: options.out, bytes: Buffer.byteLength(xml) }, () => [`Wrote ${permitNumber} as toolkit XML (version ${version}) to ${options.out}`]);
    } else {
      // Without --out the document itself is the answer (in --json, as the `xml` field).
      out.result({ permitNumber, version, xml }, () => [xml.trimEnd()]);
    }
    return EXIT.OK;
  });
}

/** The file's bytes, or a finding when it is over the limit (checked before it is read whole). */
function readLimited(file: string): Uint8Array | XmlFinding {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_XML_BYTES) return xmlFinding('XML_TOO_LARGE', '/', `It has ${size} bytes.`);
  const bytes = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export async function permitImportXmlCommand(options: { config: string; file?: string; out?: string }, out: Output): Promise<number> {
  if (!options.file) throw new UsageError('usage: saiga permit import-xml FILE [--out FILE] [--json]');
  const input = readLimited(options.file);
  return withCliAgent('read', options.config, out, async (saiga) => {
    if (!(input instanceof Uint8Array)) {
      out.result({ ok: false, findings: [input] }, () => ['Refused: the document was not read.', ...findingLines([input])]);
      return EXIT.REFUSED;
    }
    const reading = importToolkitPermit(input, { authorityCountry: saiga.config.saiga.authority.country, now: new Date() });
    const ok = reading.ok && reading.validation?.ok === true;
    if (reading.ok && options.out) writeFileSync(options.out, `${JSON.stringify(reading.request, null, 2)}\n`);
    const notices = reading.findings.filter((f) => NOTICE_CODES.has(f.code));
    const errors = reading.findings.filter((f) => !NOTICE_CODES.has(f.code));
    out.result({ ok, version: reading.version, request: reading.request, original: reading.original, findings: reading.findings, validation: reading.validation }, () => [
      reading.ok
        ? `Read toolkit permit ${reading.original?.permitNumber ?? '(no number)'} (version ${reading.version}) as a permit request${options.out ? `, written to ${options.out}` : ''}.`
        : 'Refused: the document cannot be read as a permit request; nothing was written.',
      ...(errors.length ? ['Errors:', ...findingLines(errors)] : []),
      ...(notices.length ? ['Not carried into the request:', ...findingLines(notices)] : []),
      ...(reading.validation && !reading.validation.ok ? ['The request breaks these issuance rules here:', ...findingLines(reading.validation.errors)] : []),
      ...(reading.validation?.warnings.length ? ['Warnings:', ...findingLines(reading.validation.warnings)] : []),
      ...(reading.ok && !options.out ? ['', JSON.stringify(reading.request, null, 2)] : []),
    ]);
    return ok ? EXIT.OK : EXIT.REFUSED;
  });
}

export async function exchangeLookupCommand(options: { config: string; peer?: string; number?: string; out?: string }, out: Output): Promise<number> {
  if (!options.peer || !options.number) throw new UsageError('usage: saiga exchange lookup --peer DID NUMBER [--out FILE]');
  const { peer, number } = options;
  return withCliAgent(
    'sign',
    options.config,
    out,
    async (saiga) => {
      const signer = saiga.signAs('authority');
      const result = await lookupPermitXml({ ourDid: signer.did, peer, permitNumber: number, signJws: (claims) => signer.signJws(claims), fetch: (url, init) => fetch(url, init), now: new Date() });
      if (!result.ok) {
        out.result({ error: { code: result.code, message: result.message, status: result.status, url: result.url } }, () => [`Refused by ${peer}: ${result.code} ${result.message}`]);
        return EXIT.REFUSED;
      }
      if (options.out) writeFileSync(options.out, result.xml);
      const r = result.reading;
      out.result({ peer, permitNumber: number, version: r.version, out: options.out, request: r.request, original: r.original, findings: r.findings }, () =>
        options.out ? [`Received ${number} from ${peer} as toolkit XML (version ${r.version}), written to ${options.out}`, ...findingLines(r.findings)] : [result.xml],
      );
      return EXIT.OK;
    },
    { signer: 'authority' },
  );
}
