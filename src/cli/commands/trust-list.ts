import { readFileSync, writeFileSync } from 'node:fs';
import { openAgent } from '../../agent/wiring/open.js';
import { signOwnTrustList } from '../../trust/agent-trust-list.js';
import { buildTrustListCredential } from '../../trust/build.js';
import type { TrustList } from '../../trust/model.js';
import { EXIT, UsageError, type Output } from '../output.js';

/**
 * `saiga trust-list [FILE] [--out OUT] [--valid-days N]`: signs a trust list with this
 * agent's trust-anchor DID. FILE holds `{ name, version, authorities: [{ country, name,
 * role, dids }] }`; without FILE, the list is this agent's own trust.
 */
export async function trustListCommand(options: { config: string; file?: string; out?: string; validDays?: string }, out: Output): Promise<number> {
  const validDays = options.validDays === undefined ? 365 : Number(options.validDays);
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new UsageError('--valid-days must be a whole number of days from 1 to 3650');
  let list: TrustList | undefined;
  if (options.file !== undefined) {
    try {
      list = JSON.parse(readFileSync(options.file, 'utf8')) as TrustList;
    } catch (error) {
      throw new UsageError(`cannot read a trust list from ${options.file}: ${(error as Error).message}`);
    }
  }
  const saiga = await openAgent({ configPath: options.config });
  try {
    const now = new Date();
    const sign = saiga.signAsAnchor;
    const jwt = list
      ? await sign(buildTrustListCredential({ id: `${saiga.config.saiga.url}/trust-list`, agentUrl: saiga.config.saiga.url, anchorDid: saiga.anchor.did, list, now, validDays }))
      : await signOwnTrustList({ config: saiga.config, anchor: saiga.anchor, sign, now }, [...saiga.verifier.trustedIssuers], validDays);
    if (options.out) writeFileSync(options.out, `${jwt}\n`);
    out.result({ anchor: saiga.anchor.did, jwt, ...(options.out && { file: options.out }) }, () => [
      `Trust list signed by the trust anchor ${saiga.anchor.did}, valid ${validDays} days.`,
      ...(options.out ? [`Written to ${options.out}`] : ['', jwt]),
    ]);
    return EXIT.OK;
  } finally {
    await saiga.close();
  }
}
