import { readFileSync, writeFileSync } from 'node:fs';
import { signOwnTrustList, TRUST_LIST_PATH } from '../../trust/agent-trust-list.js';
import { buildTrustListCredential } from '../../trust/build.js';
import type { TrustList } from '../../trust/model.js';
import { readTrustListFile } from '../../trust/trust-list-file.js';
import { withCliAgent } from '../agent.js';
import { EXIT, UsageError, type Output } from '../output.js';

/**
 * `saiga trust-list [FILE] [--out OUT] [--valid-days N]`: signs a trust list with this
 * agent's trust-anchor DID, through `signAs('trustAnchor')` and its wrong-identity guard.
 * FILE holds `{ name, version, authorities: [{ country, name, address?, role, dids }] }`
 * and is checked before anything opens (src/trust/trust-list-file.ts): a bad file is
 * answered with the JSON pointer of the fault, and nothing is signed. Without FILE, the list
 * is this agent's own trust.
 */
export async function trustListCommand(options: { config: string; file?: string; out?: string; validDays?: string }, out: Output): Promise<number> {
  const validDays = options.validDays === undefined ? 365 : Number(options.validDays);
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new UsageError('--valid-days must be a whole number of days from 1 to 3650');
  let list: TrustList | undefined;
  if (options.file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(options.file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read a trust list from ${options.file}: ${(error as Error).message}`);
    }
    const read = readTrustListFile(parsed);
    if (!read.ok) {
      const message = `${options.file} is not a trust list: at ${read.path || '/'}, ${read.message}. Nothing was signed.`;
      out.result({ error: { code: 'BAD_REQUEST', path: read.path, message } }, () => [message]);
      return EXIT.USAGE;
    }
    list = read.list;
  }
  return withCliAgent(
    'sign',
    options.config,
    out,
    async (saiga) => {
      const now = new Date();
      const anchor = saiga.signAs('trustAnchor');
      const { config } = saiga;
      const jwt = list
        ? await anchor.sign(buildTrustListCredential({ id: `${config.saiga.url}${TRUST_LIST_PATH}`, agentUrl: config.saiga.url, anchorDid: anchor.did, list, now, validDays }))
        : await signOwnTrustList({ config, anchor, sign: (credential) => anchor.sign(credential), now }, [...(await saiga.verification.trustedIssuers())], validDays);
      if (options.out) writeFileSync(options.out, `${jwt}\n`);
      out.result({ anchor: anchor.did, jwt, ...(options.out && { file: options.out }) }, () => [
        `Trust list signed by the trust anchor ${anchor.did}, valid ${validDays} days.`,
        ...(options.out ? [`Written to ${options.out}`] : ['', jwt]),
      ]);
      return EXIT.OK;
    },
    { signer: 'trustAnchor' },
  );
}
