import { openAgent } from '../../agent/open.js';
import { startServer } from '../../http/server.js';
import { EXIT, type Output } from '../output.js';

/**
 * `saiga serve`: runs the agent. On the first start (no token yet) it creates an officer
 * token and prints it once; only its hash is kept.
 */
export async function serveCommand(options: { config: string; officer?: string }, out: Output): Promise<number> {
  const saiga = await openAgent({ configPath: options.config, initialise: true });
  let firstToken: string | undefined;
  if ((await saiga.tokens.count()) === 0) {
    firstToken = (await saiga.tokens.create('officer', options.officer ?? 'Duty officer')).token;
  }
  // Compile the request and permit schemas now, not on the first permit request.
  saiga.issuer.warmUp();
  const running = await startServer(saiga);
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
