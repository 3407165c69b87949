import {
  backoff,
  type ConnectionOptions,
  connection,
  HandoffDeskError,
  type Request,
  sleep,
} from './http';
import type {
  ExecutionReport,
  FinalOutcome,
  Handoff,
  HandoffRequest,
  Outcome,
  OutcomeReply,
  PendingRedirect,
  RedirectAnswer,
  RedirectOutcome,
  RunRecord,
  Ticket,
} from './types';

export interface AwaitOptions {
  /** Answers a redirect with a new draft; without it a redirect ends the wait. */
  onRedirect?: (outcome: RedirectOutcome) => RedirectAnswer | Promise<RedirectAnswer>;
  /** Hears every outcome on the way (escalations, redirects) before the final one. */
  onOutcome?: (outcome: Outcome) => void;
  /** Stops waiting. */
  signal?: AbortSignal;
  /** Seconds each long-poll waits at the server (at most 55). */
  pollSeconds?: number;
  /** Only decisions after this item version; the handoff's version when it was created. */
  since?: number;
}

/** A ticket being worked on, with a lease the SDK keeps alive by heartbeat. */
export class Run {
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  /** Set once the server says the run is over for this agent (lost and taken over, or ended). */
  lostReason: string | null = null;

  constructor(
    private readonly request: Request,
    public record: RunRecord,
    private readonly onLost?: (run: Run, why: string) => void,
  ) {
    const every = Math.max(1_000, (record.leaseSeconds * 1000) / 3);
    this.timer = setInterval(() => void this.heartbeat(), every);
    (this.timer as { unref?: () => void }).unref?.();
  }

  get id() {
    return this.record.id;
  }

  /** Renews the lease now, optionally naming the step the agent is on. */
  async heartbeat(step?: string): Promise<void> {
    if (this.stopped) return;
    try {
      this.record = await this.request<RunRecord>(
        'POST',
        `/agent/runs/${encodeURIComponent(this.id)}/heartbeat`,
        {
          body: step ? { step } : {},
        },
      );
    } catch (error) {
      if (error instanceof HandoffDeskError && (error.status === 409 || error.status === 404)) {
        this.lost(error.problem.detail ?? 'The run is over for this agent.');
        return;
      }
      // A missed heartbeat is retried on the next beat; the lease outlives two of them.
    }
  }

  /** Says what the agent does now (classify, draft, …): a heartbeat with the step. */
  step(step: string) {
    return this.heartbeat(step);
  }

  /** Reports that the agent cannot go on, with a diagnosis for the person who takes over. */
  async fail(diagnosis: string, step?: string): Promise<void> {
    this.stop();
    await this.request('POST', `/agent/runs/${encodeURIComponent(this.id)}/failure`, {
      body: { diagnosis: diagnosis.slice(0, 5000).padEnd(5, '.'), ...(step ? { step } : {}) },
    });
  }

  /** Stops the heartbeats (the run ended, or the process is going away). */
  stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private lost(why: string) {
    if (this.lostReason) return;
    this.lostReason = why;
    this.stop();
    this.onLost?.(this, why);
  }
}

/** A handoff the agent created, waiting for a person. */
export class Review {
  constructor(
    private readonly agent: HandoffDeskAgent,
    public handoff: Handoff,
  ) {}

  get id() {
    return this.handoff.id;
  }

  /** Waits for the decision (answering redirects with `onRedirect`), however long it takes. */
  outcome(options: AwaitOptions = {}) {
    return this.agent.awaitOutcome(this.id, { since: this.handoff.version, ...options });
  }

  /** Tells the desk what was done with the decision. */
  acknowledge(report: ExecutionReport) {
    return this.agent.acknowledge(this.id, report);
  }
}

export interface AgentOptions extends ConnectionOptions {
  /** Called when the server ends one of this agent's runs (lease lapsed, taken over). */
  onRunLost?: (run: Run, why: string) => void;
}

/** An agent connected to a Handoff Desk server with its API key. */
export class HandoffDeskAgent {
  private readonly request: Request;

  constructor(private readonly options: AgentOptions) {
    this.request = connection(options);
  }

  /** Who the key belongs to. */
  me() {
    return this.request<{ id: string; name: string }>('GET', '/agent/me');
  }

  /** Starts a run on a ticket (or an item already on the desk); heartbeats begin at once. */
  async startRun(
    input: ({ ticket: Ticket } | { handoffId: string }) & { step?: string; leaseSeconds?: number },
  ): Promise<Run> {
    const record = await this.request<RunRecord>('POST', '/agent/runs', { body: input });
    return new Run(this.request, record, this.options.onRunLost);
  }

  /**
   * Runs `work` in a run: heartbeats while it works, and reports the run failed with the
   * error as its diagnosis if `work` throws (then throws it on).
   */
  async withRun<T>(
    input: Parameters<HandoffDeskAgent['startRun']>[0],
    work: (run: Run) => Promise<T>,
  ): Promise<T> {
    const run = await this.startRun(input);
    try {
      return await work(run);
    } catch (error) {
      if (!run.lostReason) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        await run.fail(`The agent failed: ${message}`, run.record.step).catch(() => undefined);
      }
      throw error;
    } finally {
      run.stop();
    }
  }

  /** Hands the work to a person: a checkpoint with the draft and its proposed actions. */
  async requestReview(input: HandoffRequest & { run?: Run }): Promise<Review> {
    const { run, ...body } = input;
    const result = await this.request<{ handoff: Handoff }>('POST', '/agent/handoffs', {
      body: { ...body, ...(run ? { runId: run.id } : {}) },
    });
    return new Review(this, result.handoff);
  }

  /** A review of an item this agent handed off earlier (after a restart, say). */
  async review(handoffId: string): Promise<Review> {
    const reply = await this.pollOutcome(handoffId, 0);
    return new Review(this, { id: handoffId, version: reply.version } as Handoff);
  }

  private pollOutcome(id: string, wait: number, since?: number, signal?: AbortSignal) {
    return this.request<OutcomeReply>('GET', `/handoffs/${encodeURIComponent(id)}/outcome`, {
      query: { wait, since },
      signal,
    });
  }

  /**
   * Long-polls until the decision is final (approved, rejected, expired). Escalations keep
   * it waiting; a redirect is answered through `onRedirect` (or ends the wait without it).
   * A dropped connection reconnects with backoff, however long the person takes.
   */
  async awaitOutcome(
    id: string,
    options: AwaitOptions = {},
  ): Promise<FinalOutcome | RedirectOutcome> {
    let since = options.since;
    let failures = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      let reply: OutcomeReply;
      try {
        reply = await this.pollOutcome(
          id,
          Math.min(55, options.pollSeconds ?? 55),
          since,
          options.signal,
        );
        failures = 0;
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (error instanceof HandoffDeskError && error.status < 500 && error.status !== 429)
          throw error;
        await sleep(backoff(failures++), options.signal);
        continue;
      }
      const outcome = reply.outcome;
      if (!outcome) continue;
      options.onOutcome?.(outcome);
      since = outcome.version;
      if (
        outcome.type === 'approved' ||
        outcome.type === 'rejected' ||
        outcome.type === 'expired'
      ) {
        return outcome;
      }
      if (outcome.type === 'redirected') {
        if (!options.onRedirect) return outcome;
        const answer = await options.onRedirect(outcome);
        const handoff = await this.answerRedirect(id, outcome, answer);
        since = handoff.version;
      }
    }
  }

  /**
   * Answers every redirect on this agent's items as people send them, the ones it handed off
   * before a restart (or never followed) included, until `signal` aborts. `skip` leaves out
   * items something else answers (an `awaitOutcome` with `onRedirect`). An answer the desk
   * refuses because the item moved on (another answer came first) is passed over.
   */
  async answerRedirects(options: {
    onRedirect: (pending: PendingRedirect) => RedirectAnswer | Promise<RedirectAnswer>;
    skip?: (handoffId: string) => boolean;
    signal?: AbortSignal;
    pollSeconds?: number;
    onError?: (error: unknown, pending: PendingRedirect) => void;
  }): Promise<void> {
    let failures = 0;
    /** Redirects this agent could not answer (`id@version`): not tried again. */
    const given = new Set<string>();
    const keyOf = (p: PendingRedirect) => `${p.handoff.id}@${p.redirect.version}`;
    while (!options.signal?.aborted) {
      let items: PendingRedirect[];
      try {
        const wait = Math.min(55, options.pollSeconds ?? 55);
        ({ items } = await this.request<{ items: PendingRedirect[] }>('GET', '/agent/redirects', {
          query: { wait },
          signal: options.signal,
        }));
        failures = 0;
      } catch (error) {
        if (options.signal?.aborted) return;
        if (error instanceof HandoffDeskError && error.status < 500 && error.status !== 429)
          throw error;
        await sleep(backoff(failures++), options.signal).catch(() => undefined);
        continue;
      }
      const mine = items.filter((p) => !options.skip?.(p.handoff.id) && !given.has(keyOf(p)));
      for (const pending of mine) {
        try {
          const answer = await options.onRedirect(pending);
          await this.answerRedirect(pending.handoff.id, pending.redirect, answer);
        } catch (error) {
          if (options.signal?.aborted) return;
          given.add(keyOf(pending));
          if (!(error instanceof HandoffDeskError && error.status === 409)) {
            options.onError?.(error, pending);
          }
        }
      }
      // Only redirects answered elsewhere (or given up on) are left: ask again in a moment.
      if (mine.length === 0 && items.length > 0) {
        await sleep(1_000, options.signal).catch(() => undefined);
      }
    }
  }

  /** Answers a redirect with a new draft version, in reply to that decision. */
  answerRedirect(id: string, redirect: RedirectOutcome, answer: RedirectAnswer) {
    return this.request<Handoff>('POST', `/agent/handoffs/${encodeURIComponent(id)}/drafts`, {
      body: { inReplyTo: redirect.version, ...answer },
    });
  }

  /** Reports what the agent did with an approval: applied, or failed with detail. */
  acknowledge(id: string, report: ExecutionReport) {
    return this.request<{ handoff: Handoff; failedHandoff: Handoff | null }>(
      'POST',
      `/agent/handoffs/${encodeURIComponent(id)}/execution`,
      { body: report },
    );
  }

  /** Registers a webhook endpoint for this agent's own events; answers its secret once. */
  registerWebhook(url: string, events: string[]) {
    return this.request<{ endpoint: { id: string }; secret: string }>('POST', '/webhooks', {
      body: { url, events },
    });
  }
}
