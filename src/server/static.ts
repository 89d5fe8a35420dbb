// The web page's files: a fixed list (no path from the request ever reaches the file system)
// read once per process, and cytoscape's browser bundle from node_modules. Every page response
// carries a Content-Security-Policy that allows only our own scripts, a second wall behind the
// page's rule of never parsing data as HTML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import { packageRoot } from '../model/paths.js';

const WEB_DIR = path.join(packageRoot, 'src', 'web');

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: path.join(WEB_DIR, 'index.html'), type: 'text/html; charset=utf-8' },
  '/style.css': { file: path.join(WEB_DIR, 'style.css'), type: 'text/css; charset=utf-8' },
  '/app.js': { file: path.join(WEB_DIR, 'app.js'), type: 'text/javascript; charset=utf-8' },
  '/dom.js': { file: path.join(WEB_DIR, 'dom.js'), type: 'text/javascript; charset=utf-8' },
  '/api.js': { file: path.join(WEB_DIR, 'api.js'), type: 'text/javascript; charset=utf-8' },
  '/views.js': { file: path.join(WEB_DIR, 'views.js'), type: 'text/javascript; charset=utf-8' },
  '/network.js': { file: path.join(WEB_DIR, 'network.js'), type: 'text/javascript; charset=utf-8' },
  '/vendor/cytoscape.min.js': { file: cytoscapeBundle(), type: 'text/javascript; charset=utf-8' },
};

function cytoscapeBundle(): string {
  const main = createRequire(import.meta.url).resolve('cytoscape');
  return path.join(path.dirname(main), 'cytoscape.min.js');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const cache = new Map<string, Buffer>();

export function mountStatic(app: Hono): void {
  for (const [route, { file, type }] of Object.entries(FILES)) {
    app.get(route, (c) => {
      let body = cache.get(file);
      if (!body) cache.set(file, (body = readFileSync(file)));
      return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
    });
  }
}
