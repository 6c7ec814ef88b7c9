/**
 * Starts the agent's HTTP server on the configured host and port.
 */
import type { Server } from 'node:http';
import type { ServeCapabilities } from '../agent/wiring/capabilities.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * One line for a server that cannot listen, naming the setting to change (defect 16:
 * a busy port printed a stack trace). Undefined for errors that are not about the address.
 */
export function listenErrorMessage(error: unknown, host: string, port: number, configPath: string): string | undefined {
  switch ((error as { code?: string }).code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use: set saiga.server.port in ${configPath} to a free port, or stop the program that is using it`;
    case 'EACCES':
      return `port ${port} on ${host} needs administrator rights: set saiga.server.port in ${configPath} to 1024 or above, with a reverse proxy in front for 80 and 443`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `address ${host} is not one of this machine's: set saiga.server.host in ${configPath} to 127.0.0.1 (this machine only), 0.0.0.0 (every network) or one of its addresses`;
    default:
      return undefined;
  }
}

export async function startServer(saiga: ServeCapabilities, options: AppOptions = {}): Promise<RunningServer> {
  const app = createApp(saiga, options);
  const { host, port } = saiga.config.saiga.server;
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.once('error', reject);
  });
  // Bounded time for slow clients: a permit request is small.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections close at once; busy ones get a short grace period.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
