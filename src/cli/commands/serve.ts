import { existsSync } from 'node:fs';
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { dbPath, openStore } from '../../store/index.js';
import { startServer } from '../../server/index.js';

const options = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the graph over HTTP: a JSON API (/api, /openapi.json) and the web page (/)',
  options,
  usage: `actorgraph serve [--db FILE] [--port N] [--host H]

  --db FILE   the database (default: $ACTORGRAPH_DB or ./actorgraph.db)
  --port N    the port (default 8080; 0 picks a free one)
  --host H    the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 shares it
              with your network, without any authentication)
Stops with Ctrl-C.`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length) throw new InputError(positionals[0]!, 'serve takes no arguments (did you mean --db?)');
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new InputError(`--port ${values.port}`, 'not a port number (0 to 65535)');
    const host = values.host ?? '127.0.0.1';
    const file = dbPath(values.db);
    if (!existsSync(file)) throw new InputError(file, 'no such database (ingest articles first, or give --db)');
    const store = openStore(file);
    let server;
    try {
      server = await startServer({ store, host, port });
    } catch (err) {
      store.close();
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new InputError(`--port ${port}`, 'already in use (try another, or --port 0)');
      if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EACCES') throw new InputError(`--host ${host}`, `cannot listen there (${e.code})`);
      throw err;
    }
    process.stdout.write(`actorgraph: serving ${file} at ${server.url}/  (API: ${server.url}/openapi.json; Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    store.close();
    return 0;
  },
};
