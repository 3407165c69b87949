import type {
  HandoffDeskAgent,
  PendingRedirect,
  RedirectAnswer,
  ProposedAction as SdkAction,
  Ticket as SdkTicket,
} from '../agent-sdk/src';
import { reviseWithInstructions } from '../mocks/ai/reviser/revise';
import { writeCase } from '../mocks/seed/case';
import { createCustomers } from '../mocks/seed/customers';
import { createRandom, type Random } from '../mocks/seed/random';
import type { ProposedAction } from '../src/api/action-schemas';
import type { Handoff, Ticket } from '../src/api/handoff-schemas';
import { actionsFromText, describeAction } from '../src/domain/actions';
import { amountsOnItem, amountsStated } from '../src/domain/text-guard';

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
  /**
   * Answers the redirects on every item of this agent's, those it did not hand off in this
   * process included (the seeded world's, or from before a restart). On unless false.
   */
  answerAllRedirects?: boolean;
  /** Items this process follows to the end itself; filled in by `runReferenceAgent`. */
  following?: Set<string>;
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

/** The reviser's answer to a redirect on any item of this agent's, from the item itself. */
export function answerFromItem({ handoff, redirect }: PendingRedirect): RedirectAnswer {
  const item = handoff as unknown as Handoff;
  const draft = item.drafts.at(-1)!;
  const revision = reviseWithInstructions({
    text: draft.text,
    actions: draft.actions,
    instructions: redirect.instructions,
    ticket: item.ticket,
    knownAmounts: amountsOnItem(item),
  });
  return { ...revision, actions: revision.actions as SdkAction[] };
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
      options.following?.add(review.id);
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
      options.following?.delete(review.id);
      if (outcome.type !== 'approved') {
        log(`${review.id}: ${outcome.type}`);
        return;
      }
      // What the person approved is what is executed: their edits to the actions included.
      const done = outcome.finalActions.map((a) => describeAction(a as ProposedAction));
      const edits = outcome.edited.actions ? ' with edited actions' : '';
      log(`${review.id}: approved${edits}: ${done.join(', ')}`);
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
  const following = new Set<string>();
  options = { ...options, following };
  // Answering stops with the agent, or once the tickets it was asked to work are done.
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  let answering: Promise<void> = Promise.resolve();
  if (options.answerAllRedirects !== false) {
    answering = options.agent
      .answerRedirects({
        signal: stop.signal,
        skip: (id) => following.has(id),
        onRedirect: (pending) => {
          const answer = answerFromItem(pending);
          log(`${pending.handoff.id}: redirected; ${answer.note}`);
          return answer;
        },
        onError: (error, pending) => log(`${pending.handoff.id}: ${String(error)}`),
      })
      .catch((error: unknown) => {
        if (!stop.signal.aborted) log(`answering redirects stopped: ${String(error)}`);
      });
  }
  const arriving = options.ratePerMinute > 0;
  for (let n = 0; arriving && (options.count === undefined || n < options.count); n++) {
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
  if (arriving) stop.abort();
  await answering;
}
