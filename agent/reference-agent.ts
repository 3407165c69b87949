import type {
  HandoffDeskAgent,
  PendingRedirect,
  RedirectAnswer,
  ProposedAction as SdkAction,
  Ticket as SdkTicket,
} from '../agent-sdk/src';
import { reviseWithInstructions } from '../mocks/ai/reviser/revise';
import { writeTicket } from '../mocks/seed/case';
import { createCustomers, inboxCustomers, type SeedCustomer } from '../mocks/seed/customers';
import { createRandom, type Random } from '../mocks/seed/random';
import type { ProposedAction } from '../src/api/action-schemas';
import type { Handoff, Ticket } from '../src/api/handoff-schemas';
import { actionsFromText, describeAction } from '../src/domain/actions';
import { amountsOnItem, amountsStated } from '../src/domain/text-guard';
import { ArrivalClock, type Pace, SEEDED_QUALITY, withAiQuality } from './arrivals';

/*
 * The built-in AI as an agent like any other: it speaks to the desk only through the SDK.
 * Tickets arrive at a rate; each is classified and drafted in a run (kept alive by heartbeat),
 * handed to a person with its proposed actions, and followed to the end: redirects are
 * answered by the reviser, an approval is executed and acknowledged. The same code runs as
 * its own process (`npm run agent`) and inside the in-browser demo.
 */

export interface ReferenceAgentOptions {
  agent: HandoffDeskAgent;
  /** Tickets per minute, unless `pace` is given. */
  ratePerMinute: number;
  /** The AI's quality, 0 to 1 (the seeded AI's 0.8 when absent), unless `pace` is given. */
  quality?: number;
  /**
   * Where the rate and the AI's quality come from when they can change while the agent runs
   * (the demo floor's settings, read over the API); read again on every tick.
   */
  pace?: () => Promise<Pace>;
  /** How often the agent looks whether tickets are due, in milliseconds (1 s). */
  tickMs?: number;
  /** The time arrivals are counted on (tests); Date.now by default. */
  clock?: () => number;
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

/** Waits `ms`, or until `signal` aborts; its listener goes with it, so a loop leaks none. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

type AgentTicket = Omit<Ticket, 'id' | 'number' | 'receivedAt'>;

/**
 * Who writes to this agent's inbox: mostly customers new to it, otherwise one of its 400
 * regulars. New customers' ids carry a tag drawn from `rng`, so two agents' customers differ.
 */
export function agentInbox(rng: Random): () => SeedCustomer {
  const regulars = createCustomers(rng, 400);
  const tag = rng.int(0, 2 ** 30).toString(36);
  return inboxCustomers(
    rng,
    () => rng.pick(regulars),
    (n) => `c-a${tag}-${n}`,
  );
}

/**
 * The next ticket in the inbox, as a customer wrote it (the routine bulk most of the time, as
 * the seeded world's), with the AI's first draft as an AI of that `quality` makes it (the
 * seeded AI's when absent). The quality's draws come from `rng` too, so a seed gives the same
 * tickets and the same mistakes.
 */
export function nextCase(rng: Random, pickCustomer: () => SeedCustomer, quality = SEEDED_QUALITY) {
  const written = writeTicket(rng, pickCustomer);
  const draws = createRandom(rng.int(0, 2 ** 30));
  const content = withAiQuality({ ai: written }, quality, () => draws.next()).ai;
  const { id: _id, number: _n, receivedAt: _r, ...ticket } = content.ticket;
  return { content, ticket: ticket as AgentTicket };
}

/**
 * The reviser's answer to a redirect on any item of this agent's, from the item itself: it
 * revises the reviewer's edit when the redirect carried one, else its own last draft.
 */
export function answerFromItem({ handoff, redirect }: PendingRedirect): RedirectAnswer {
  const item = handoff as unknown as Handoff;
  const draft = item.drafts.at(-1)!;
  const revision = reviseWithInstructions({
    text: redirect.editedText ?? draft.text,
    actions: draft.actions,
    instructions: redirect.instructions,
    ticket: item.ticket,
    knownAmounts: amountsOnItem(item),
  });
  return { ...revision, actions: revision.actions as SdkAction[] };
}

/**
 * Works one ticket from arrival to acknowledgement. `onHandedOff` is called once the ticket is
 * on the desk: handed off for review, or reported failed.
 */
export async function workTicket(
  options: ReferenceAgentOptions,
  content: ReturnType<typeof nextCase>['content'],
  ticket: AgentTicket,
  onHandedOff: () => void = () => {},
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
        onHandedOff();
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
      onHandedOff();
      log(`${ticket.subject}: handed off as ${review.id} (${review.handoff.status})`);
      options.following?.add(review.id);
      const outcome = await review.outcome({
        signal: options.signal,
        onRedirect: ({ instructions, editedText }) => {
          const revision = reviseWithInstructions({
            ...current,
            // What the reviewer had edited, unsent, is the text to revise.
            text: editedText ?? current.text,
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

/** The tickets arriving at an agent: counted on its clock at its pace, each worked to the end. */
export interface Arrivals {
  /**
   * Looks whether tickets are due and starts working each: how many, and a promise that
   * resolves once they are all on the desk (their reviews go on after).
   */
  tick(): Promise<{ count: number; onDesk: Promise<void> }>;
  /** How many tickets have arrived so far. */
  readonly written: number;
  /** Resolves when every ticket's work has ended. */
  settled(): Promise<void>;
}

export function createArrivals(options: ReferenceAgentOptions): Arrivals {
  const rng = createRandom(options.seed ?? Date.now());
  const pickCustomer = agentInbox(rng);
  const now = options.clock ?? Date.now;
  // A fixed rate brings its first ticket at once; the demo floor counts from when it is set.
  const clock = new ArrivalClock(options.pace ? 0 : 1);
  const working = new Set<Promise<void>>();
  const log = options.log ?? (() => {});
  let written = 0;
  return {
    get written() {
      return written;
    },
    async tick() {
      const pace = options.pace
        ? await options.pace()
        : {
            arrivalsPerMinute: options.ratePerMinute,
            aiQuality: options.quality ?? SEEDED_QUALITY,
          };
      let count = clock.take(now(), pace.arrivalsPerMinute);
      if (options.count !== undefined) count = Math.min(count, options.count - written);
      const onDesk: Promise<void>[] = [];
      for (let i = 0; i < count; i++) {
        written += 1;
        const { content, ticket } = nextCase(rng, pickCustomer, pace.aiQuality);
        let handedOff = () => {};
        onDesk.push(new Promise<void>((resolve) => (handedOff = resolve)));
        const job = workTicket(options, content, ticket, handedOff)
          .catch((error: unknown) => {
            if (!options.signal?.aborted) log(`${ticket.subject}: ${String(error)}`);
          })
          .finally(() => {
            handedOff();
            working.delete(job);
          });
        working.add(job);
      }
      return { count, onDesk: Promise.all(onDesk).then(() => undefined) };
    },
    async settled() {
      await Promise.all(working);
    },
  };
}

/**
 * Lets tickets arrive at the pace and works each one, and answers redirects on the agent's
 * items, until stopped or `count` tickets are done.
 */
export async function runReferenceAgent(options: ReferenceAgentOptions): Promise<void> {
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
  // A fixed rate of 0 only answers; a pace that can change is followed until stopped.
  const arriving = options.pace !== undefined || options.ratePerMinute > 0;
  const arrivals = createArrivals(options);
  const tickMs = options.tickMs ?? 1_000;
  while (arriving && !options.signal?.aborted) {
    if (options.count !== undefined && arrivals.written >= options.count) break;
    // Only the pace is awaited: a slow hand-off must not hold the next tickets back.
    await arrivals.tick().catch((error: unknown) => {
      if (!options.signal?.aborted) log(`arrivals: ${String(error)}`);
    });
    await sleep(tickMs, options.signal);
  }
  await arrivals.settled();
  if (arriving) stop.abort();
  await answering;
}
