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
    /**
     * Tickets per minute, or "demo": at the rate and AI quality of the server's demo floor,
     * followed as they change (servers that offer the demo floor).
     */
    rate: { type: 'string', default: '2' },
    /** The AI's quality, 0 to 1 (0.8, the seeded AI, by default); not with --rate demo. */
    quality: { type: 'string' },
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
const followFloor = values.rate === 'demo';
if (!followFloor && !(Number(values.rate) >= 0)) {
  console.error('--rate wants tickets per minute (0 or more) or "demo".');
  process.exit(2);
}

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
  ratePerMinute: followFloor ? 0 : Number(values.rate),
  quality: number(values.quality),
  ...(followFloor ? { pace: () => agent.demoFloor() } : {}),
  count: number(values.count),
  leaseSeconds: number(values.lease),
  workMs: (number(values['work-seconds']) ?? 0) * 1000,
  confidence: number(values.confidence),
  seed: number(values.seed),
  signal: controller.signal,
  log: (line) => console.log(line),
});
