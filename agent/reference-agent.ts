import type {
  HandoffDeskAgent,
  ProposedAction as SdkAction,
  Ticket as SdkTicket,
} from '../agent-sdk/src';
import { reviseWithInstructions } from '../mocks/ai/reviser/revise';
import { writeCase } from '../mocks/seed/case';
import { createCustomers } from '../mocks/seed/customers';
import { createRandom, type Random } from '../mocks/seed/random';
import type { ProposedAction } from '../src/api/action-schemas';
import type { Ticket } from '../src/api/handoff-schemas';
import { actionsFromText, describeAction } from '../src/domain/actions';
import { amountsStated } from '../src/domain/text-guard';

/*
 * The built-in AI as an agent like any other: it speaks to the desk only through the SDK.
 * Tickets arrive at a rate; each is classified and drafted in a run (kept alive by heartbeat),
 * handed to a person with its proposed actions, and followed to the end: redirects are
 * answered by the reviser, an approval is executed and acknowledged. The same code runs as
 * its own process (`npm run agent`) and inside the in-browser demo.
 */

export interface ReferenceAgentOptions {
  agent: HandoffDeskAgent;
  /** Tickets per minute. */
  ratePerMinute: number;
  /** Stop after this many tickets (none: until stopped). */
  count?: number;
  /** The run's lease, in seconds (the desk's default when absent). */
  leaseSeconds?: number;
  /** How long classifying and drafting take, in milliseconds. */
  workMs?: number;
  /** Overrides the AI's self-assessed confidence (below the threshold: every ticket to a person). */
  confidence?: number;
  seed?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

type AgentTicket = Omit<Ticket, 'id' | 'number' | 'receivedAt'>;

/** One ticket as a customer wrote it, with the AI's first draft. */
export function nextCase(rng: Random, customers: ReturnType<typeof createCustomers>) {
  const content = writeCase(rng, rng.pick(customers));
  const { id: _id, number: _n, receivedAt: _r, ...ticket } = content.ticket;
  return { content, ticket: ticket as AgentTicket };
}

/** Works one ticket from arrival to acknowledgement. */
export async function workTicket(
  options: ReferenceAgentOptions,
  content: ReturnType<typeof nextCase>['content'],
  ticket: AgentTicket,
): Promise<void> {
  const { agent, log = () => {} } = options;
  const knownAmounts = amountsStated([ticket.subject, ticket.body]);
  await agent.withRun(
    {
      ticket: ticket as unknown as SdkTicket,
      step: 'classify',
      ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}),
    },
    async (run) => {
      const work = (options.workMs ?? 0) / 2;
      await sleep(work, options.signal);
      await run.step('draft');
      await sleep(work, options.signal);
      options.signal?.throwIfAborted();
      if (content.diagnosis) {
        await run.fail(content.diagnosis, 'draft');
        log(`${ticket.subject}: could not finish (${content.diagnosis})`);
        return;
      }
      let current: { text: string; actions: ProposedAction[] } = {
        text: content.draft,
        actions: actionsFromText(content.draft, knownAmounts),
      };
      const review = await agent.requestReview({
        run,
        ticket: ticket as unknown as SdkTicket,
        steps: [
          { type: 'classify', summary: `Read as ${ticket.category}: ${content.story.topic}` },
          { type: 'draft', summary: 'Drafted a reply from the policy and the order history' },
        ],
        draft: current.text,
        confidence: options.confidence ?? content.confidence,
        options: content.options.length > 1 ? content.options : undefined,
        actions: current.actions as SdkAction[],
      });
      log(`${ticket.subject}: handed off as ${review.id} (${review.handoff.status})`);
      const outcome = await review.outcome({
        signal: options.signal,
        onRedirect: ({ instructions }) => {
          const revision = reviseWithInstructions({
            ...current,
            instructions,
            ticket: { ...ticket, id: review.id, number: 0, receivedAt: '' } as Ticket,
            knownAmounts,
          });
          current = { text: revision.text, actions: revision.actions };
          log(`${review.id}: redirected; ${revision.note}`);
          return { ...revision, actions: revision.actions as SdkAction[] };
        },
      });
      log(`${review.id}: ${outcome.type}`);
      if (outcome.type !== 'approved') return;
      const done = outcome.finalActions.map((a) => describeAction(a as ProposedAction));
      await review.acknowledge({
        status: 'applied',
        detail: `Sent the approved reply${done.length ? `; ${done.join(', ')}` : ''}`,
      });
      log(`${review.id}: executed and acknowledged`);
    },
  );
}

/** Lets tickets arrive at the rate and works each one, until stopped or `count` is reached. */
export async function runReferenceAgent(options: ReferenceAgentOptions): Promise<void> {
  const rng = createRandom(options.seed ?? Date.now());
  const customers = createCustomers(rng, 40);
  const every = 60_000 / Math.max(0.01, options.ratePerMinute);
  const working = new Set<Promise<void>>();
  const log = options.log ?? (() => {});
  for (let n = 0; options.count === undefined || n < options.count; n++) {
    if (options.signal?.aborted) break;
    const { content, ticket } = nextCase(rng, customers);
    const job = workTicket(options, content, ticket)
      .catch((error: unknown) => {
        if (!options.signal?.aborted) log(`${ticket.subject}: ${String(error)}`);
      })
      .finally(() => working.delete(job));
    working.add(job);
    await sleep(every, options.signal);
  }
  await Promise.all(working);
}
