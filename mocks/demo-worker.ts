/// <reference lib="webworker" />
import type { Backend } from './core/backend';
import type { ApiReply } from './core/http-types';
import { openChangeStream } from './core/sse';
import { startDemoAgent } from './demo-agent';
import type { FromWorker, ToWorker } from './demo-worker-protocol';
import { openDemoWorld } from './demo-world';

/*
 * The demo's backend in a worker of its own: sorting, routing and saving a world of thousands
 * of items happen here, never on the page's main thread, so the reviewer's key presses do not
 * wait for them. The page forwards each request it intercepts and streams the replies back.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);
const streams = new Map<number, () => void>();

const crashed = (error: unknown): ApiReply => ({
  status: 500,
  headers: { 'content-type': 'application/problem+json' },
  body: {
    type: 'about:blank',
    title: 'The demo backend failed',
    status: 500,
    detail: error instanceof Error ? error.message : String(error),
  },
});

async function serve(backend: Backend, message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'request': {
      const reply = await backend
        .handle({
          method: message.method,
          path: message.path,
          query: new URLSearchParams(message.query),
          headers: new Headers(message.headers),
          body: message.body,
        })
        .catch(crashed);
      post({ kind: 'reply', id: message.id, reply });
      return;
    }
    case 'open-stream': {
      const refused = backend.authorizeStream({ headers: new Headers(message.headers) });
      if (refused) {
        post({ kind: 'stream-refused', id: message.id, reply: refused });
        return;
      }
      post({ kind: 'stream-opened', id: message.id });
      streams.set(
        message.id,
        openChangeStream(backend, (text) => post({ kind: 'chunk', id: message.id, text })),
      );
      return;
    }
    case 'close-stream':
      streams.get(message.id)?.();
      streams.delete(message.id);
  }
}

let started: Promise<Backend | null> | null = null;

function open(items: number | null): Promise<Backend | null> {
  return openDemoWorld(undefined, items ?? undefined).then((opened) => {
    if ('unreadable' in opened) {
      post({ kind: 'unreadable', message: opened.unreadable.message });
      return null;
    }
    opened.backend.startTicking();
    post({ kind: 'started' });
    // The AI as an agent over the SDK; a demo without it still works, so a failure is only said.
    startDemoAgent(opened.backend).catch((error: unknown) =>
      console.warn('The demo agent did not start', error),
    );
    return opened.backend;
  });
}

scope.addEventListener('message', ({ data }: MessageEvent<ToWorker>) => {
  if (data.kind === 'open') {
    started ??= open(data.items);
    return;
  }
  void started?.then((backend) => (backend ? serve(backend, data) : undefined));
});
