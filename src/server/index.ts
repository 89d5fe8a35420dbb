// The HTTP server: `createApp(store)` is the whole API and page as a hono app (tests call it
// without a socket); `startServer` binds it to a host and port (127.0.0.1 by default).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';

export { createApp } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer({ store, host = '127.0.0.1', port = 0 }: { store: Store; host?: string; port?: number }): Promise<RunningServer> {
  const app = createApp(store);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise<void>((done, fail) => {
          server.close((err) => (err ? fail(err) : done()));
          // Keep-alive sockets would hold close() open until they time out.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', reject);
  });
}
