import { parseArgs } from 'node:util';
import { HandoffDeskAgent } from '../agent-sdk/src';
import { runReferenceAgent } from './reference-agent';

/*
 * `npm run agent -- --server URL --key SECRET`: the reference agent as its own process.
 * It needs a key a lead issued (or `npm run serve -- --agent-key NAME=SECRET`).
 */

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.HANDOFF_DESK_URL ?? 'http://127.0.0.1:8787' },
    /** Better from HANDOFF_DESK_AGENT_KEY: arguments are visible to other users. */
    key: { type: 'string', default: process.env.HANDOFF_DESK_AGENT_KEY },
    /** Tickets per minute. */
    rate: { type: 'string', default: '2' },
    /** Stop after this many tickets. */
    count: { type: 'string' },
    /** The run's lease in seconds (5 to 600); the server's default without it. */
    lease: { type: 'string' },
    /** How long classifying and drafting one ticket take, in seconds. */
    'work-seconds': { type: 'string', default: '1' },
    /** Overrides the AI's confidence, e.g. 0.5 to send every ticket to a person. */
    confidence: { type: 'string' },
    seed: { type: 'string' },
  },
});

if (!values.key) {
  console.error('The agent needs a key: --key SECRET (or HANDOFF_DESK_AGENT_KEY).');
  process.exit(2);
}
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const controller = new AbortController();
const agent = new HandoffDeskAgent({
  server: values.server,
  key: values.key,
  onRunLost: (run, why) => console.warn(`run ${run.id} is over: ${why}`),
});
const me = await agent.me().catch((error: unknown) => {
  console.error(`Cannot reach the desk at ${values.server}: ${String(error)}`);
  process.exit(1);
});
console.log(`Reference agent "${me.name}" working for ${values.server}`);

process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

await runReferenceAgent({
  agent,
  ratePerMinute: Number(values.rate),
  count: number(values.count),
  leaseSeconds: number(values.lease),
  workMs: (number(values['work-seconds']) ?? 0) * 1000,
  confidence: number(values.confidence),
  seed: number(values.seed),
  signal: controller.signal,
  log: (line) => console.log(line),
});
