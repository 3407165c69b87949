import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { operations } from '../../src/api/operations';
import { makeProblem } from '../../src/api/problem';
import type { Backend } from '../core/backend';
import type { ApiReply } from '../core/http-types';
import { openChangeStream, sseHeaders } from '../core/sse';

export interface HttpServerOptions {
  backend: Backend;
  /** The built SPA to serve next to the API; omit for an API-only server. */
  staticDir?: string;
  apiPrefix?: string;
  maxBodyBytes?: number;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, reply: ApiReply) {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The change stream: held open until the client goes away. */
function streamChanges(backend: Backend, headers: Headers, res: ServerResponse) {
  const refused = backend.authorizeStream({ headers });
  if (refused) {
    send(res, refused);
    return;
  }
  res.writeHead(200, sseHeaders);
  res.flushHeaders();
  const close = openChangeStream(backend, (chunk) => {
    if (!res.writableEnded) res.write(chunk);
  });
  res.on('close', close);
}

/** The reference backend over real HTTP, serving the SPA on the same origin. */
export function createHttpServer({
  backend,
  staticDir,
  apiPrefix = '/api',
  maxBodyBytes = 256 * 1024,
}: HttpServerOptions): Server {
  const root = staticDir ? resolve(staticDir) : null;

  async function serveStatic(pathname: string, res: ServerResponse) {
    if (!root) {
      send(res, {
        status: 404,
        body: makeProblem('not_found', 'This server only serves the API.'),
      });
      return;
    }
    const wanted = normalize(join(root, decodeURIComponent(pathname)));
    let file = wanted.startsWith(root) ? wanted : join(root, 'index.html');
    const info = await stat(file).catch(() => null);
    // Client-side routes (/queue, /handoffs/…) get the app shell.
    if (!info?.isFile()) file = join(root, 'index.html');
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === apiPrefix || url.pathname.startsWith(`${apiPrefix}/`)) {
        const body =
          req.method === 'GET' || req.method === 'HEAD' ? null : await readBody(req, maxBodyBytes);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const path = url.pathname.slice(apiPrefix.length) || '/';
        if (req.method === 'GET' && path.replace(/\/$/, '') === operations.streamChanges.path) {
          streamChanges(backend, headers, res);
          return;
        }
        const reply = await backend.handle({
          method: req.method ?? 'GET',
          path,
          query: url.searchParams,
          headers,
          body: body || null,
        });
        send(res, reply);
        return;
      }
      await serveStatic(url.pathname, res);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        send(res, {
          status: 413,
          body: makeProblem(
            'payload_too_large',
            `Request bodies are limited to ${maxBodyBytes} bytes.`,
          ),
        });
        return;
      }
      if (!res.headersSent)
        send(res, { status: 500, body: makeProblem('internal', 'The server failed to answer.') });
      else res.destroy();
    }
  });
}
