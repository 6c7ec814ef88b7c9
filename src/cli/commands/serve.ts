import type { ServeCapabilities } from '../../agent/wiring/capabilities.js';
import { randomBytes } from 'node:crypto';
import { withCliAgent } from '../agent.js';
import { listenErrorMessage, startServer, type RunningServer } from '../../http/server.js';
import { checkHolderName } from '../../auth/token-input.js';
import { EXIT, UsageError, type Output } from '../output.js';

/**
 * `saiga serve`: runs the agent. On the first start (no token yet) it creates an officer
 * token for `--officer NAME` and prints it once; only its hash is kept. The name is the
 * box 13 signatory of every permit issued with that token, so it must name a person.
 */
export async function serveCommand(options: { config: string; officer?: string; newIdentity?: boolean }, out: Output): Promise<number> {
  const officer = options.officer === undefined ? undefined : checkHolderName(options.officer, 'officer', '--officer');
  if (officer && !officer.ok) throw new UsageError(`--officer: ${officer.issue.message}`);
  return withCliAgent('serve', options.config, out, (saiga) => serve(saiga, officer, out), { initialise: true, newIdentity: Boolean(options.newIdentity) });
}

/** Runs the server until SIGINT or SIGTERM; withAgent closes the agent after it, and when it fails. */
async function serve(saiga: ServeCapabilities, officer: ReturnType<typeof checkHolderName> | undefined, out: Output): Promise<number> {
  const needsFirstToken = (await saiga.tokens.count()) === 0;
  if (needsFirstToken && !officer?.ok) {
    throw new UsageError('the first start creates the first officer token: name its holder with --officer "Full Name" (printed as signatory in box 13)');
  }
  // Compile the request and permit schemas now, not on the first permit request.
  saiga.issuance.warmUp();
  let running: RunningServer;
  try {
    running = await startServer(saiga);
  } catch (error) {
    const { host, port } = saiga.config.saiga.server;
    const message = listenErrorMessage(error, host, port, saiga.config.configPath);
    // CONFIG_INVALID: main prints the one line (no stack trace) and exits with status 2.
    if (message) throw Object.assign(new Error(message), { code: 'CONFIG_INVALID' });
    throw error;
  }
  // The first token is made only once the agent listens: a start that fails must not
  // make a token that is never shown (the next start would then make none).
  const firstToken = needsFirstToken && officer?.ok ? (await saiga.tokens.create('officer', officer.name)).token : undefined;
  // Issue 11: the same first officer gets a console account, with a random password shown once
  // (never a default one), so that the console at / can be used from the first start.
  const firstAccount = firstToken !== undefined && officer?.ok ? await firstConsoleAccount(saiga, officer.name) : undefined;
  // Issue 10 §3: the start in the audit trail, with the hash of the configuration it runs with; then checkpoints.
  await saiga.auditAgent.started();
  saiga.auditAgent.startCheckpoints();
  // Issue 9: the outbox goes to the peers from now on (messages written while the agent was down too).
  saiga.exchange.startDelivery();
  const { url } = saiga.config.saiga;
  out.result({ url, listening: running.url, did: saiga.identities.authority.did, officerToken: firstToken ?? null, consoleAccount: firstAccount ?? null }, () => [
    `Saiga agent of ${saiga.config.saiga.authority.name}`,
    `  DID        ${saiga.identities.authority.did}`,
    `  public URL ${url}`,
    `  listening  ${running.url}`,
    `  console    ${url}/console/ (officers and customs sign in here)`,
    `  verifier   ${url}/verify (scan, upload or paste a permit's QR code)`,
    ...(firstToken
      ? [
          '',
          'First start: an officer token was created. It is shown this once; keep it safe:',
          '',
          `  ${firstToken}`,
          '',
          ...(firstAccount
            ? [`Console: sign in at ${url}/console/ as ${firstAccount.username} with the password ${firstAccount.password}`, '(shown this once too; change it with saiga user reset-password).', '']
            : []),
          'Issue a permit with it, for example:',
          `  curl -X POST ${url}/api/permits -H "Authorization: Bearer ${firstToken}" \\`,
          '       -H "Content-Type: application/json" -d @examples/permits/export-lk-orchids.json',
          '',
        ]
      : []),
  ]);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out.info('Stopping…');
  await saiga.exchange.stopDelivery();
  await saiga.auditAgent.stopCheckpoints();
  await running.close();
  return EXIT.OK;
}

/** The first officer's console account: a username from the name, a random password (18 bytes, base64url). */
async function firstConsoleAccount(saiga: ServeCapabilities, name: string): Promise<{ username: string; password: string } | undefined> {
  if ((await saiga.users.list()).length > 0) return undefined;
  const username = usernameOf(name);
  const password = randomBytes(18).toString('base64url');
  const created = await saiga.users.create({ username, displayName: name, role: 'officer', password, totp: false });
  return created.ok ? { username, password } : undefined;
}

/** "Anoma Perera" → "anoma.perera": letters and digits without accents, runs of anything else as one dot. */
export function usernameOf(name: string): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '').slice(0, 64);
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(plain) ? plain : 'officer';
}
