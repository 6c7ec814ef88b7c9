import { openAgent } from '../../agent/open.js';
import { listenErrorMessage, startServer, type RunningServer } from '../../http/server.js';
import { EXIT, type Output } from '../output.js';

/**
 * `saiga serve`: runs the agent. On the first start (no token yet) it creates an officer
 * token and prints it once; only its hash is kept.
 */
export async function serveCommand(options: { config: string; officer?: string }, out: Output): Promise<number> {
  const saiga = await openAgent({ configPath: options.config, initialise: true });
  let running: RunningServer;
  try {
    running = await startServer(saiga);
  } catch (error) {
    await saiga.close();
    const { host, port } = saiga.config.saiga.server;
    const message = listenErrorMessage(error, host, port, saiga.config.configPath);
    // CONFIG_INVALID: main prints the one line (no stack trace) and exits with status 2.
    if (message) throw Object.assign(new Error(message), { code: 'CONFIG_INVALID' });
    throw error;
  }
  // The first token is made only once the agent listens: a start that fails must not
  // make a token that is never shown (the next start would then make none).
  let firstToken: string | undefined;
  if ((await saiga.tokens.count()) === 0) {
    firstToken = (await saiga.tokens.create('officer', options.officer ?? 'Duty officer')).token;
  }
  const { url } = saiga.config.saiga;
  out.result({ url, listening: running.url, did: saiga.identity.did, officerToken: firstToken ?? null }, () => [
    `Saiga agent of ${saiga.config.saiga.authority.name}`,
    `  DID        ${saiga.identity.did}`,
    `  public URL ${url}`,
    `  listening  ${running.url}`,
    `  verifier   ${url}/verify (scan, upload or paste a permit's QR code)`,
    ...(firstToken
      ? [
          '',
          'First start: an officer token was created. It is shown this once; keep it safe:',
          '',
          `  ${firstToken}`,
          '',
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
  await running.close();
  await saiga.close();
  return EXIT.OK;
}
