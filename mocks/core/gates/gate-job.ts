import type { Gate, GateDefault, Handoff } from '../../../src/api/handoff-schemas';
import { responseDueAt } from '../../../src/domain/escalation';
import {
  effectiveGateDefault,
  gateIsLive,
  gateReason,
  holdTarget,
} from '../../../src/domain/gates';
import { levelLabels } from '../../../src/domain/levels';
import { canTransition } from '../../../src/domain/lifecycle';
import { ladderInForce } from '../policy/store';
import { type BackendServices, SYSTEM_ACTOR, type SystemJob } from '../services';
import { holdingReply } from './holding-reply';

/*
 * Applies an approval gate's default when nobody decided in time, with no browser needed: the
 * server and the demo tick every second. Exactly once: the applied default is written on the
 * gate itself, in the same commit as the move, so a second tick (or a restart) finds nothing
 * left to do. A decision and the timeout race through the same serialised queue; whichever
 * commits first wins and the other meets a version conflict or a closed item.
 */
export const applyGateDefaults: SystemJob = (s) => {
  const now = s.clock();
  for (const item of s.world.handoffs.values()) {
    if (!gateIsLive(item) || Date.parse(item.gate!.timeoutAt) > now) continue;
    applyDefault(s, item);
  }
};

function applyDefault(s: BackendServices, item: Handoff) {
  const action = effectiveGateDefault(item);
  const event = action === 'hold_and_escalate' ? 'escalate' : 'expire';
  // An item whose status cannot take the move (none today) keeps waiting for a person.
  if (!canTransition(item.status, event)) return;
  const at = s.now();
  const reason = gateReason(item, action);
  const reply = action === 'hold_and_escalate' ? holdingReply(item) : null;
  const gate: Gate = { ...item.gate!, applied: { at, action, reason, holdingReply: reply } };
  const why = { reason, rule: null, confidence: item.context.confidence };

  if (action === 'hold_and_escalate') {
    const level = holdTarget(item);
    const next = s.move(item, 'escalate', {
      gate,
      level,
      assignee: null,
      // The receiving level's clock starts now, as for any escalation.
      dueAt: responseDueAt(level, s.clock(), ladderInForce),
      escalation: { by: SYSTEM_ACTOR, at, fromLevel: item.level, note: reason },
    });
    s.record(
      next,
      SYSTEM_ACTOR,
      'expired',
      'Approval gate timed out: holding reply sent to the customer',
      { why },
    );
    s.record(
      next,
      SYSTEM_ACTOR,
      'escalated',
      `Escalated to ${levelLabels[level]} by the approval gate`,
      { why },
    );
    return;
  }
  const finalText = action === 'approve' ? item.drafts.at(-1)!.text : null;
  const next = s.move(item, 'expire', {
    gate,
    workingDraft: null,
    outcome: {
      action,
      by: SYSTEM_ACTOR,
      at,
      edited: false,
      finalText,
      reason,
    },
  });
  s.record(next, SYSTEM_ACTOR, 'expired', outcomeText[action], { why });
}

const outcomeText: Record<Exclude<GateDefault, 'hold_and_escalate'>, string> = {
  approve: 'Approval gate timed out: the draft was sent to the customer',
  reject: 'Approval gate timed out: the draft was rejected; nothing sent',
};
