/**
 * Defect 16: `saiga serve` on a port in use (or an address this machine does not have)
 * printed a stack trace. It prints one line naming the setting to change and exits with
 * status 2; and the failed first start makes no officer token that nobody saw.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, runCli, serveAuthority } from '../helpers/agent-process.js';

let occupier: Server | undefined;

afterEach(async () => {
  await new Promise((resolveClose) => (occupier ? occupier.close(resolveClose) : resolveClose(undefined)));
  occupier = undefined;
});

// Each case starts the CLI two or three times; on a loaded machine that takes a while.
const SLOW = 180_000;

describe('saiga serve cannot listen', () => {
  it('on a port in use: one line naming saiga.server.port in the config, status 2; the next start still shows the first token', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    occupier = createServer();
    await new Promise<void>((resolveListen) => occupier!.listen(init.port, '127.0.0.1', resolveListen));

    const busy = await runCli(['serve', '--config', init.config, '--officer', 'Anoma Perera']);
    expect({ code: busy.code, stderr: busy.stderr, stdout: busy.stdout }).toEqual({
      code: 2,
      stderr: `saiga: port ${init.port} on 127.0.0.1 is already in use: set saiga.server.port in ${init.config} to a free port, or stop the program that is using it\n`,
      stdout: '',
    });

    await new Promise((resolveClose) => occupier!.close(resolveClose));
    occupier = undefined;
    const agent = await serveAuthority(init);
    try {
      expect(agent.officerToken).toMatch(/\S{20,}/);
    } finally {
      await agent.stop();
    }
  }, SLOW);

  it('with --json: the error object on stdout, status 2', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    occupier = createServer();
    await new Promise<void>((resolveListen) => occupier!.listen(init.port, '127.0.0.1', resolveListen));
    const busy = await runCli(['serve', '--config', init.config, '--officer', 'Anoma Perera', '--json']);
    expect(busy.code).toBe(2);
    expect(JSON.parse(busy.stdout)).toEqual({
      error: { code: 'CONFIG_INVALID', message: `port ${init.port} on 127.0.0.1 is already in use: set saiga.server.port in ${init.config} to a free port, or stop the program that is using it` },
    });
    expect(busy.stderr).toBe('');
  }, SLOW);

  it('on an address this machine does not have: one line naming saiga.server.host, status 2', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
    editConfig(init.config, (saiga) => {
      saiga.server = { ...saiga.server, host: '192.0.2.1' };
    });
    const result = await runCli(['serve', '--config', init.config, '--officer', 'Anoma Perera']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: `saiga: address 192.0.2.1 is not one of this machine's: set saiga.server.host in ${init.config} to 127.0.0.1 (this machine only), 0.0.0.0 (every network) or one of its addresses\n`,
    });
  }, SLOW);
});
