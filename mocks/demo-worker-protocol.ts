import type { ApiReply } from './core/http-types';

/*
 * The messages between the demo's page and the worker that runs its backend. Requests carry
 * plain data (headers as pairs, the query as text) because Headers and URLSearchParams do
 * not cross a worker boundary.
 */

export type ToWorker =
  /** First message: open the saved world, or seed one of `items` (the default when null). */
  | { kind: 'open'; items: number | null }
  | {
      kind: 'request';
      id: number;
      method: string;
      path: string;
      query: string;
      headers: [string, string][];
      body: string | null;
    }
  | { kind: 'open-stream'; id: number; headers: [string, string][] }
  | { kind: 'close-stream'; id: number };

export type FromWorker =
  | { kind: 'started' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'reply'; id: number; reply: ApiReply }
  | { kind: 'stream-refused'; id: number; reply: ApiReply }
  | { kind: 'stream-opened'; id: number }
  | { kind: 'chunk'; id: number; text: string };
