/**
 * Starts the agent's HTTP server on the configured host and port.
 */
import type { Server } from 'node:http';
import type { SaigaAgent } from '../agent/open.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(saiga: SaigaAgent, options: AppOptions = {}): Promise<RunningServer> {
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
