import { runReferenceAgent } from '../../agent/reference-agent';
import { HandoffDeskAgent } from '../../agent-sdk/src';
import type { Backend } from '../../mocks/core/backend';
import { backendFetch } from '../../mocks/demo-agent';
import { BUILT_IN_AGENT_NAME } from '../../src/domain/actors';

/*
 * The built-in AI for tests of an in-process backend: the reference agent answering the
 * redirects on its items (the seeded ones included) over the SDK, as `npm run serve` runs it
 * beside the server and the demo in its worker. It writes no tickets of its own.
 */

const SECRET = 'hd_test0built0in0agent0000000000000000';

/** Starts answering; resolves once the agent's key is registered. Call the result to stop. */
export async function startBuiltInAgent(backend: Backend): Promise<() => void> {
  const register = () => backend.registerAgentKey(BUILT_IN_AGENT_NAME, SECRET);
  await register();
  const controller = new AbortController();
  const agent = new HandoffDeskAgent({
    server: 'http://test.handoff-desk.local',
    key: SECRET,
    fetch: backendFetch(backend, register),
  });
  void runReferenceAgent({ agent, ratePerMinute: 0, signal: controller.signal });
  return () => controller.abort();
}
