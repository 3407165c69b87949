import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProblemCode } from '../../src/api/handoff-schemas';
import { makeProblem, type ProblemExtras } from '../../src/api/problem';
import type { ApiReply } from '../core/http-types';
import { bodyTextOf } from '../core/json-text';
import { baseSecurityHeaders } from './security-headers';

/*
 * Every answer the server writes goes through here, so each error is a problem document
 * (RFC 9457) and a HEAD answer carries the same headers as its GET without the body.
 */

export function sendReply(res: ServerResponse, reply: ApiReply, head = false): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = bodyTextOf(reply) ?? JSON.stringify(reply.body);
  headers['content-type'] ??= reply.status >= 400 ? 'application/problem+json' : 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(head ? undefined : text);
}

export function sendProblem(
  res: ServerResponse,
  code: ProblemCode,
  detail: string,
  extras: ProblemExtras & { headers?: Record<string, string>; head?: boolean } = {},
): void {
  const { headers, head, ...problemExtras } = extras;
  const problem = makeProblem(code, detail, problemExtras);
  sendReply(
    res,
    {
      status: problem.status,
      body: problem,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
    head,
  );
}

/**
 * Node answers requests it cannot parse (bad request lines, oversized headers) before any
 * handler runs; this writes those answers as problem documents with the usual headers.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail =
    status === 431 ? 'The request headers are too large.' : 'The request could not be parsed.';
  const body = JSON.stringify(makeProblem('bad_request', detail, { status }));
  const headers = {
    ...baseSecurityHeaders,
    'cache-control': 'no-store',
    'content-type': 'application/problem+json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
}
