import type { HandoffOutcome, PendingRedirects } from '../../../src/api/agent-schemas';
import type { AuditEvent, Handoff } from '../../../src/api/handoff-schemas';
import { sameActions } from '../../../src/domain/actions';
import { agentNameOf } from '../principal';
import type { World } from '../world';

/*
 * What a person (or the gate's default) decided on a handoff, as the agent reads it. Built from
 * the item's audit trail, so every decision since any version can be found again, and the
 * first decision that committed is the one reported: a later one meets a closed item.
 */

const decisionActions = new Set<AuditEvent['action']>([
  'approved',
  'auto_approved',
  'rejected',
  'escalated',
  'redirected',
  'expired',
]);

export const isFinalOutcome = (o: HandoffOutcome) =>
  o.type === 'approved' ||
  o.type === 'rejected' ||
  (o.type === 'expired' && o.applied !== 'hold_and_escalate');

const byOf = (e: AuditEvent) =>
  e.actor.type === 'person' ? { id: e.actor.id, name: e.actor.name } : null;

/** The outcome an audit event records, or null when it is not a decision. */
export function outcomeOfEvent(h: Handoff, e: AuditEvent): HandoffOutcome | null {
  if (!decisionActions.has(e.action)) return null;
  const base = { version: e.version, at: e.at, by: byOf(e) };
  switch (e.action) {
    case 'approved':
    case 'auto_approved': {
      const draft = h.drafts.at(-1)!;
      const finalActions = h.outcome?.finalActions ?? draft.actions;
      return {
        type: 'approved',
        ...base,
        finalText: h.outcome?.finalText ?? draft.text,
        finalActions,
        edited: {
          text: h.outcome?.edited ?? false,
          actions: !sameActions(finalActions, draft.actions),
        },
        diff: e.diff,
      };
    }
    case 'rejected':
      return { type: 'rejected', ...base, reason: h.outcome?.reason ?? e.why.reason ?? e.outcome };
    case 'escalated':
      return {
        type: 'escalated',
        ...base,
        toLevel: h.level,
        note: e.why.reason ?? h.escalation?.note ?? e.outcome,
      };
    case 'redirected':
      return {
        type: 'redirected',
        ...base,
        instructions: e.why.reason ?? '',
        draftNumber: draftAt(h, e.version),
      };
    case 'expired': {
      const applied = h.gate?.applied;
      return {
        type: 'expired',
        ...base,
        applied: applied?.action ?? 'reject',
        reason: applied?.reason ?? e.outcome,
      };
    }
    default:
      return null;
  }
}

/** The draft that was current when the item reached `version`. */
function draftAt(h: Handoff, _version: number): number {
  return h.drafts.length;
}

/** The newest decision on `h` after version `since` (the first that won, if several). */
export function latestOutcome(world: World, h: Handoff, since: number): HandoffOutcome | null {
  const events = world.events.get(h.id) ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.version <= since) break;
    // The gate's hold records its expiry and then the escalation; the escalation is the news.
    const outcome = outcomeOfEvent(h, e);
    if (outcome) return outcome;
  }
  return null;
}

/**
 * The items of the agent named `name` that a person sent back with instructions and that wait
 * for its new draft, oldest redirect first, each with the redirect to answer.
 */
export function pendingRedirectsOf(
  world: World,
  name: string,
  among: Iterable<Handoff> = world.handoffs.values(),
): PendingRedirects['items'] {
  const items: PendingRedirects['items'] = [];
  for (const h of among) {
    if (h.status !== 'redirected' || agentNameOf(h.drafts[0]!.author) !== name) continue;
    const redirect = latestOutcome(world, h, h.version - 1);
    if (redirect?.type === 'redirected') items.push({ handoff: h, redirect });
  }
  return items.sort((a, b) => a.redirect.at.localeCompare(b.redirect.at));
}
