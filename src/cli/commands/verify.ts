import { existsSync, readFileSync } from 'node:fs';
import { openAgent } from '../../agent/open.js';
import type { VerificationResult } from '../../verify/index.js';
import { EXIT, UsageError, type Output } from '../output.js';

/** Reads the credential: the argument itself, or the file it names. */
export function readCredentialInput(input: string): string {
  const looksLikeJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(input.trim());
  if (!looksLikeJwt && existsSync(input)) return readFileSync(input, 'utf8').trim();
  return input.trim();
}

export function verdictLines(result: VerificationResult): string[] {
  const head = result.verified
    ? `VALID — ${result.permit?.permitNumber ?? 'permit'} issued by ${result.issuer?.name ?? result.credential?.issuer} (${result.issuer?.country ?? '?'})`
    : `NOT VALID — ${result.checks.find((c) => !c.ok)?.message ?? 'not verified'}`;
  return [
    head,
    ...result.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check.padEnd(10)} ${c.code.padEnd(20)} ${c.message}`),
    ...(result.ruleErrors ?? []).map((e) => `       rule  ${e.code} at ${e.path || '/'}: ${e.message}`),
  ];
}

/** `saiga verify INPUT [--at TIME]`: exit status 0 only when the permit verified. */
export async function verifyCommand(options: { config: string; input?: string; at?: string }, out: Output): Promise<number> {
  if (!options.input) throw new UsageError('usage: saiga verify JWT-OR-FILE [--at ISO-DATE-TIME]');
  let at: Date | undefined;
  if (options.at !== undefined) {
    if (Number.isNaN(Date.parse(options.at))) throw new UsageError('--at must be an ISO 8601 date-time');
    at = new Date(options.at);
  }
  const credential = readCredentialInput(options.input);
  const saiga = await openAgent({ configPath: options.config });
  try {
    const result = await saiga.verifier.verify(credential, at);
    out.result(result, () => verdictLines(result));
    return result.verified ? EXIT.OK : EXIT.REFUSED;
  } finally {
    await saiga.close();
  }
}
