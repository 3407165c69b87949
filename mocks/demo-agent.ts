import { runReferenceAgent } from '../agent/reference-agent';
import { HandoffDeskAgent } from '../agent-sdk/src';
import { BUILT_IN_AGENT_NAME } from '../src/domain/actors';
import type { Backend } from './core/backend';

/*
 * The demo's AI is the reference agent, the same code `npm run agent` runs: it speaks to the
 * in-browser backend through the SDK, whose fetch here hands each request to the backend in
 * this worker instead of the network. Its key is fixed: a demo world is one browser's own.
 */

/** The demo's AI is the built-in agent: the seeded items are its own. */
export const DEMO_AGENT_NAME = BUILT_IN_AGENT_NAME;
const DEMO_AGENT_SECRET = 'hd_demo0000000000000000000000000000000000000000000000';
const ORIGIN = 'http://demo.handoff-desk.local';

/** fetch over the backend itself: the SDK's requests, answered without a network. */
export function backendFetch(backend: Backend, onUnauthorized?: () => Promise<void>): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const send = () =>
      backend.handle({
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api/, ''),
        query: url.searchParams,
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : null,
      });
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    // A long-poll ends for the caller as soon as it stops listening, as over a network.
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    let reply = await Promise.race([send(), aborted]);
    // A reset of the demo world forgets the key: give it again, once.
    if (reply.status === 401 && onUnauthorized) {
      await onUnauthorized();
      reply = await send();
    }
    const body = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status, headers: reply.headers });
  };
}

/** Starts the demo's agent: a ticket every two minutes, worked to the end. */
export async function startDemoAgent(backend: Backend): Promise<() => void> {
  const register = () => backend.registerAgentKey(DEMO_AGENT_NAME, DEMO_AGENT_SECRET);
  await register();
  const controller = new AbortController();
  const agent = new HandoffDeskAgent({
    server: ORIGIN,
    key: DEMO_AGENT_SECRET,
    fetch: backendFetch(backend, register),
  });
  void runReferenceAgent({
    agent,
    ratePerMinute: 0.5,
    workMs: 4_000,
    signal: controller.signal,
    log: (line) => console.debug(`[${DEMO_AGENT_NAME}] ${line}`),
  });
  return () => controller.abort();
}
