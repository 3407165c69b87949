/*
 * The shapes of Handoff Desk's agent API, as an agent sends and receives them. The server's
 * OpenAPI document (`/api/openapi.json`) is the full contract; these are the parts an agent
 * uses.
 */

export type Currency = string;

/** What a draft proposes to do, as data next to its reply text. */
export type ProposedAction =
  | { type: 'refund'; amount: number; currency: Currency }
  | { type: 'store_credit'; amount: number; currency: Currency }
  | { type: 'replacement'; item: string }
  | { type: 'policy_exception'; description: string }
  | { type: 'account_change'; description: string }
  | { type: 'reply' };

export interface Ticket {
  customer: {
    id: string;
    name: string;
    email: string;
    tier: 'standard' | 'premium' | 'enterprise';
    lifetimeValue: number;
    priorComplaints: number;
  };
  channel: 'email' | 'chat' | 'phone' | 'social';
  subject: string;
  body: string;
  category: 'billing' | 'shipping' | 'technical' | 'account' | 'legal';
  urgency: 'low' | 'normal' | 'high' | 'critical';
  language?: string;
  attachments?: number;
  [field: string]: unknown;
}

export interface Step {
  type: string;
  summary: string;
  outcome?: 'ok' | 'warning' | 'failed';
  startedAt?: string;
  finishedAt?: string;
}

export interface HandoffRequest {
  ticket: Ticket;
  steps?: Step[];
  draft: string;
  confidence: number;
  options?: { label: string; rationale: string; draft: string }[];
  nextAction?: string;
  actions: ProposedAction[];
}

export type RunStatus = 'working' | 'waiting' | 'finished' | 'failed' | 'lost' | 'taken_over';

export interface RunRecord {
  id: string;
  agent: { id: string; name: string };
  status: RunStatus;
  step: string;
  subject: string;
  handoffId: string | null;
  leaseSeconds: number;
  leaseExpiresAt: string;
  startedAt: string;
  lastHeartbeatAt: string;
  diagnosis: string | null;
}

/** A handoff as the server answers it; see the OpenAPI document for every field. */
export interface Handoff {
  id: string;
  status: string;
  version: number;
  drafts: { number: number; text: string; actions: ProposedAction[]; note: string }[];
  [field: string]: unknown;
}

export interface Decided {
  version: number;
  at: string;
  by: { id: string; name: string } | null;
}

export type Outcome =
  | (Decided & {
      type: 'approved';
      finalText: string;
      finalActions: ProposedAction[];
      edited: { text: boolean; actions: boolean };
      diff: string | null;
    })
  | (Decided & { type: 'rejected'; reason: string })
  | (Decided & { type: 'escalated'; toLevel: string; note: string })
  | (Decided & { type: 'redirected'; instructions: string; draftNumber: number })
  | (Decided & {
      type: 'expired';
      applied: 'approve' | 'reject' | 'hold_and_escalate';
      reason: string;
    });

export type FinalOutcome = Extract<Outcome, { type: 'approved' | 'rejected' | 'expired' }>;
export type RedirectOutcome = Extract<Outcome, { type: 'redirected' }>;

export interface OutcomeReply {
  handoffId: string;
  outcome: Outcome | null;
  final: boolean;
  version: number;
}

/** An item of this agent's that a person sent back, with the redirect to answer. */
export interface PendingRedirect {
  handoff: Handoff & { ticket: Ticket & { id: string; number: number } };
  redirect: RedirectOutcome;
}

/** The agent's answer to a redirect: a new draft version and its actions. */
export interface RedirectAnswer {
  text: string;
  actions: ProposedAction[];
  /** What changed, and any instruction that could not be followed. */
  note: string;
}

export type ExecutionReport =
  | { status: 'applied'; detail?: string }
  | { status: 'failed'; detail: string };

export type WebhookEventType =
  | 'handoff.created'
  | 'handoff.decided'
  | 'handoff.expired'
  | 'handoff.escalated'
  | 'handoff.redirected'
  | 'run.lost'
  | 'run.failed'
  | 'execution.failed';

export interface WebhookMessage {
  type: WebhookEventType;
  timestamp: string;
  data: {
    handoff?: Handoff;
    outcome?: Outcome;
    run?: RunRecord;
    agent: { id: string; name: string } | null;
    detail?: string;
  };
}
