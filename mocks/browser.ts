import { setupWorker } from 'msw/browser';
import type { ApiReply } from './core/http-types';
import type { FromWorker, ToWorker } from './demo-worker-protocol';
import type { UnreadableWorld } from './demo-world';
import { type BackendFace, createHandlers } from './handlers';
import { clearIndexedDbWorld, exportIndexedDbWorld } from './persistence/indexeddb';

/**
 * Demo mode: the reference backend runs in a worker of this tab (mocks/demo-worker.ts), with
 * its world kept in IndexedDB; MSW's service worker hands the app's requests to this page,
 * which forwards them to that worker. Only src/main.tsx imports this, behind the demo build
 * flag. Resolves with the unreadable world instead of starting when the saved one cannot be
 * read, so the app can say so instead of failing.
 */
export async function startDemoBackend(apiBaseUrl: string): Promise<UnreadableWorld | null> {
  const worker = new Worker(new URL('./demo-worker.ts', import.meta.url), { type: 'module' });
  const face = workerFace(worker);
  worker.postMessage({ kind: 'open', items: demoWorldSize(location.search) } satisfies ToWorker);
  const first = await face.started;
  if (first.kind === 'unreadable') {
    worker.terminate();
    return {
      message: first.message,
      exportWorld: async () => JSON.stringify(await exportIndexedDbWorld(), null, 2),
      reset: () => clearIndexedDbWorld(),
    };
  }
  const msw = setupWorker(...createHandlers(face, apiBaseUrl));
  await msw.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return null;
}

/**
 * `?demo-items=N` on the first visit seeds a world of N items (up to 100,000) instead of the
 * default, to try the floor at scale; a saved world keeps its size until it is reset.
 */
export function demoWorldSize(search: string): number | null {
  const n = Number(new URLSearchParams(search).get('demo-items'));
  return Number.isInteger(n) && n >= 20 && n <= 100_000 ? n : null;
}

type Start = Extract<FromWorker, { kind: 'started' | 'unreadable' }>;

/** The backend in the worker, behind the same face the in-process core has. */
function workerFace(worker: Worker): BackendFace & { started: Promise<Start> } {
  let nextId = 1;
  const replies = new Map<number, (reply: ApiReply) => void>();
  const opens = new Map<number, (refused: ApiReply | null) => void>();
  const writers = new Map<number, (text: string) => void>();
  let onStart: (message: Start) => void = () => {};
  const started = new Promise<Start>((resolve) => {
    onStart = resolve;
  });
  const send = (message: ToWorker) => worker.postMessage(message);
  // A worker that threw cannot answer: every waiting and later request gets a plain answer.
  let stopped: ApiReply | null = null;
  worker.addEventListener('error', (event) => {
    stopped = {
      status: 503,
      headers: { 'content-type': 'application/problem+json' },
      body: {
        type: 'about:blank',
        title: 'The demo backend stopped',
        status: 503,
        detail: `${event.message || 'It failed without a message.'} Reload the page to start it again.`,
      },
    };
    for (const reply of replies.values()) reply(stopped);
    replies.clear();
    onStart({ kind: 'unreadable', message: `The demo backend could not start: ${event.message}` });
  });

  worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
    switch (data.kind) {
      case 'started':
      case 'unreadable':
        onStart(data);
        return;
      case 'reply':
        replies.get(data.id)?.(data.reply);
        replies.delete(data.id);
        return;
      case 'stream-refused':
      case 'stream-opened':
        opens.get(data.id)?.(data.kind === 'stream-refused' ? data.reply : null);
        opens.delete(data.id);
        return;
      case 'chunk':
        writers.get(data.id)?.(data.text);
    }
  });

  return {
    started,
    handle: (req) =>
      new Promise((resolve) => {
        if (stopped) return resolve(stopped);
        const id = nextId++;
        replies.set(id, resolve);
        send({
          kind: 'request',
          id,
          method: req.method,
          path: req.path,
          query: req.query.toString(),
          headers: [...req.headers],
          body: req.body,
        });
      }),
    openStream: (headers, write) =>
      new Promise((resolve) => {
        const id = nextId++;
        writers.set(id, write);
        opens.set(id, (refused) => {
          if (refused) {
            writers.delete(id);
            resolve(refused);
            return;
          }
          resolve(() => {
            if (!writers.delete(id)) return;
            send({ kind: 'close-stream', id });
          });
        });
        send({ kind: 'open-stream', id, headers: [...headers] });
      }),
  };
}
