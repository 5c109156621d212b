/**
 * `kpi serve`: the published folder over HTTP with Node's http module (docs/commands.md). It serves the
 * public part to anyone who can reach it, and the restricted site, its reports and the contract
 * workbooks only to the machine itself (loopback) unless the operator says otherwise (--restricted-host).
 * Never a directory listing, never a path outside the folder, never the warehouse, the evidence, the
 * quarantine or the history.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
};

/** What may be served, by path from the folder: the public part, and the restricted part's readable files. */
const PUBLIC = /^(?:\.runs\/[^/]+\/)?public\//;
const RESTRICTED =
  /^(?:\.runs\/[^/]+\/)?restricted\/(?:site|reports|charts)\/|^(?:\.runs\/[^/]+\/)?restricted\/contracts\/[^/]+\.(?:xlsx|json)$/;

export interface ServeOptions {
  /** The published folder (--out). */
  out: string;
  /** Serve the restricted part to other machines too (--restricted-host). */
  restrictedHost?: boolean;
  /** Changes an HTML page before it is sent (kpi preview adds its live reload). */
  html?: (text: string) => string;
  /** Answers a request before the files do (kpi preview's event stream); true when it did. */
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

const isLoopback = (a: string | undefined) => a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';

function refuse(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** The path below the folder a request names, or undefined when it tries to leave it. */
export function requestPath(url: string | undefined): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
  // A URL parser already folds /../; a raw or encoded one that survives, a backslash or a NUL is refused.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((p) => p === '..')) return undefined;
  return path.replace(/^\/+/, '');
}

async function send(req: IncomingMessage, res: ServerResponse, opts: ServeOptions): Promise<void> {
  if (opts.extra?.(req, res)) return;
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
  const raw = req.url ?? '/';
  if (/(^|\/|%2f)\.\.(\/|%2f|$)/i.test(raw)) return refuse(res, 400, 'Bad request');
  let rel = requestPath(raw);
  if (rel === undefined) return refuse(res, 400, 'Bad request');
  if (rel === '') {
    res.writeHead(302, { location: '/public/site/index.html' });
    res.end();
    return;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const restricted = RESTRICTED.test(rel);
  if (!PUBLIC.test(rel) && !restricted) return refuse(res, 404, 'Not found');
  if (restricted && !opts.restrictedHost && !isLoopback(req.socket.remoteAddress))
    return refuse(res, 403, 'Forbidden');
  const root = await realpath(opts.out);
  const file = await realpath(join(root, rel)).catch(() => undefined);
  // A symbolic link out of the folder is as refused as a ../ (public -> current -> .runs/… stays inside).
  if (!file || !(file === root || file.startsWith(root + sep))) return refuse(res, 404, 'Not found');
  const info = await stat(file);
  if (!info.isFile()) return refuse(res, 404, 'Not found');
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
  if (type.startsWith('text/html') && opts.html) {
    const { readFile } = await import('node:fs/promises');
    const body = Buffer.from(opts.html(await readFile(file, 'utf8')), 'utf8');
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export function siteServer(opts: ServeOptions): Server {
  return createServer((req, res) => {
    send(req, res, opts).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Error');
      else res.end();
    });
  });
}

/** Listens, and resolves with the address it answers on. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const a = server.address();
      const p = typeof a === 'object' && a ? a.port : port;
      resolveUrl(`http://${host.includes(':') ? `[${host}]` : host}:${p}/`);
    });
  });
}
