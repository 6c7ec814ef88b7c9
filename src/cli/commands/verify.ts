import { existsSync, readFileSync, statSync } from 'node:fs';
import { withCliAgent } from '../agent.js';
import { QR_CODES } from '../../codes.js';
import type { VerificationResult } from '../../verify/index.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { isQrImage, readQrImage } from '../read-qr-image.js';

/**
 * What to verify: the argument itself (a JWT, a QR payload, a verifier link), or the file
 * it names — text (a JWT, a link, the JSON answer of `POST /api/permits`, a credential with
 * a JWT proof) or a PNG or JPEG image of the QR code. The verification core reads the text.
 */
export async function readVerifyArgument(input: string): Promise<{ text: string } | { noCode: string }> {
  const looksLikeJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(input.trim());
  if (looksLikeJwt || !existsSync(input) || !statSync(input).isFile()) return { text: input };
  const bytes = readFileSync(input);
  if (!isQrImage(bytes)) return { text: bytes.toString('utf8') };
  const text = await readQrImage(bytes);
  return text === undefined ? { noCode: input } : { text };
}

const STATE_WORDS = { valid: 'valid, not yet used', used: 'USED FOR EXPORT', imported: 'IMPORTED (used up)', revoked: 'REVOKED', suspended: 'SUSPENDED', expired: 'EXPIRED', unknown: 'status not checked' } as const;

export function verdictLines(result: VerificationResult): string[] {
  const state = result.state ? ` [${STATE_WORDS[result.state]}]` : '';
  const head = result.verified
    ? `VALID${state} — ${result.permit?.permitNumber ?? 'permit'} issued by ${result.issuer?.name ?? result.credential?.issuer} (${result.issuer?.country ?? '?'})`
    : `NOT VALID${state} — ${result.checks.find((c) => !c.ok)?.message ?? 'not verified'}`;
  const blocks = (result.blocks ?? []).map(
    (b) =>
      `  block ${b.block.padEnd(3)} ${(b.scientificName ?? '').padEnd(28)} permitted ${b.permitted.quantity} ${b.permitted.unit}, exported ${b.exported ? `${b.exported.quantity} ${b.exported.unit}` : '—'}${b.imported !== undefined ? `, imported ${b.imported ? `${b.imported.quantity} ${b.imported.unit}` : '—'}` : ''}`,
  );
  const e = result.endorsement;
  const i = result.imported;
  return [
    head,
    ...result.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check.padEnd(11)} ${c.code.padEnd(20)} ${c.message}`),
    ...(result.ruleErrors ?? []).map((r) => `       rule  ${r.code} at ${r.path || '/'}: ${r.message}`),
    ...blocks,
    ...(e ? [`  exported on ${e.date} at ${e.portOfExport}, transport document ${e.transportDocument}, endorsed by ${e.officer} (${e.authority})`] : []),
    ...(i ? [`  imported on ${i.date} at ${i.portOfImport}, confirmed by ${i.officer} (${i.authority})${i.exceedsPermitted ? ', flagged: more than the permit allows' : ''}`] : []),
  ];
}

/** `saiga verify INPUT [--at TIME]`: exit status 0 only when the permit verified. */
export async function verifyCommand(options: { config: string; input?: string; at?: string }, out: Output): Promise<number> {
  if (!options.input) throw new UsageError('usage: saiga verify JWT-LINK-OR-FILE [--at ISO-DATE-TIME]');
  let at: Date | undefined;
  if (options.at !== undefined) {
    if (Number.isNaN(Date.parse(options.at))) throw new UsageError('--at must be an ISO 8601 date-time');
    at = new Date(options.at);
  }
  const read = await readVerifyArgument(options.input);
  return withCliAgent('read', options.config, out, async (saiga) => {
    const result: VerificationResult =
      'text' in read
        ? await saiga.verification.verify(read.text, at)
        : { verified: false, checks: [{ check: 'format', ok: false, code: 'QR_NOT_A_PERMIT', message: `${QR_CODES.QR_NOT_A_PERMIT} No QR code was found in ${read.noCode}.` }] };
    out.result(result, () => verdictLines(result));
    return result.verified ? EXIT.OK : EXIT.REFUSED;
  });
}
