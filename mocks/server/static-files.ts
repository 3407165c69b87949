import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendProblem } from './problems';

/*
 * The built app: files under the root only, client-side routes answered with the app shell,
 * precompressed copies (written at build time) sent to clients that accept them, and
 * validators so an unchanged shell or config costs a 304.
 */

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

/** Best first; each is tried only when the client accepts it and the copy exists. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings the client accepts (q > 0), lower-cased. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  (ifNoneMatch ?? '').split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });

async function fileInfo(path: string) {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? info : null;
}

export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>;

export function staticFiles(staticDir: string): StaticHandler {
  const root = resolve(staticDir);
  const shell = join(root, 'index.html');

  return async (req, res, pathname) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      sendProblem(res, 'method_not_allowed', `${req.method} is not supported here.`, {
        headers: { allow: 'GET, HEAD' },
      });
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendProblem(res, 'bad_request', 'The path is not valid percent-encoding.', { head });
      return;
    }
    const wanted = resolve(root, `.${decoded}`);
    if (decoded.includes('\0') || !(wanted === root || wanted.startsWith(root + sep))) {
      sendProblem(res, 'not_found', 'No such file.', { head });
      return;
    }
    let file = wanted;
    let info = await fileInfo(file);
    if (!info) {
      // A missing build file is an error; any other path is a client-side route.
      if (pathname.startsWith('/assets/')) {
        sendProblem(res, 'not_found', 'No such file.', { head });
        return;
      }
      file = shell;
      info = await fileInfo(file);
      if (!info) {
        sendProblem(res, 'not_found', 'The app is not built.', { head });
        return;
      }
    }

    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    let body = file;
    let size = info.size;
    let coding: string | null = null;
    for (const candidate of encodings) {
      if (!accepted.has(candidate.name)) continue;
      const copy = await fileInfo(file + candidate.suffix);
      if (!copy) continue;
      body = file + candidate.suffix;
      size = copy.size;
      coding = candidate.name;
      break;
    }
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${coding ? `-${coding}` : ''}"`;
    const immutable = pathname.startsWith('/assets/');
    const headers: Record<string, string> = {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      vary: 'Accept-Encoding',
    };
    if (coding) headers['content-encoding'] = coding;
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = String(size);
    res.writeHead(200, headers);
    if (head) {
      res.end();
      return;
    }
    createReadStream(body).pipe(res);
  };
}
