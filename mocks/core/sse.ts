import type { ChangeEvent } from '../../src/api/handoff-schemas';
import type { Backend } from './backend';

/** The change stream's wire format, shared by the MSW and node:http faces. */

export const KEEP_ALIVE_MS = 15_000;

export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  connection: 'keep-alive',
} as const;

export const sseComment = (text: string) => `: ${text}\n\n`;
export const sseData = (event: ChangeEvent) => `data: ${JSON.stringify(event)}\n\n`;

/**
 * Opens one stream on the backend: writes the `connected` comment, every change and a
 * keep-alive comment every 15 s. Returns the function that closes it (idempotent).
 */
export function openChangeStream(backend: Backend, write: (chunk: string) => void): () => void {
  write(sseComment('connected'));
  const unsubscribe = backend.subscribe((event) => write(sseData(event)));
  const keepAlive = setInterval(() => write(sseComment('keep-alive')), KEEP_ALIVE_MS);
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    unsubscribe();
  };
}
