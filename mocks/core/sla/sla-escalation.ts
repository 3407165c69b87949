import type { Handoff } from '../../../src/api/handoff-schemas';
import { responseDueAt } from '../../../src/domain/escalation';
import { levelLabels } from '../../../src/domain/levels';
import { claimableStatuses } from '../../../src/domain/lifecycle';
import { describeStep, membersAt, nextEscalation } from '../../../src/domain/team-escalation';
import { ladderInForce } from '../policy/store';
import { SYSTEM_ACTOR, type SystemJob } from '../services';
import { teamsInForce } from '../teams/store';

/*
 * SLA breaches escalate by themselves (seed: pattern C, "escalation ladders"). An open item
 * nobody has claimed by its due time moves one level up, recorded as done by the system with
 * the reason, and gets the new level's response target as its due time. That new due time is
 * what makes the job idempotent: the item is no longer breached, so a second tick at the same
 * clock (or a replay after a restart) finds nothing to do, and each breach escalates once.
 *
 * Claimed items are left alone: someone owns them and may be mid-edit, and pulling the item
 * away would lose their work and blur who is responsible (seed: "explicit ownership"). The
 * queue shows them as breached; if the holder releases one after its due time, the next tick
 * escalates it. Items at the top of the ladder have nowhere to go and stay breached.
 */

/** "2026-11-25 09:00 UTC": the same wording on every server, whatever its locale. */
const formatUtc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export const slaEscalation: SystemJob = (s) => {
  const now = s.clock();
  const breached: Handoff[] = [];
  for (const h of s.world.handoffs.values()) {
    if (!claimableStatuses.includes(h.status) || h.assignee) continue;
    if (Date.parse(h.dueAt) > now) continue;
    breached.push(h);
  }
  const teams = teamsInForce(s).teams;
  const people = [...s.world.users.values()];
  for (const h of breached) {
    // Up the item's team ladder first; past its top, up the global ladder without the team.
    const step = nextEscalation(h, teams);
    if (!step) continue;
    const target = step.level;
    const to = describeStep(
      step,
      membersAt(
        teams.find((t) => t.id === step.team?.teamId),
        target,
        people,
      ),
    );
    const reason = `Nobody at ${levelLabels[h.level]} took it by its due time (${formatUtc(h.dueAt)}).`;
    const earlier = h.escalation
      ? ` Earlier note from ${h.escalation.by.name}: “${h.escalation.note}”`
      : '';
    const next = s.move(h, 'escalate', {
      level: target,
      team: step.team,
      dueAt: responseDueAt(target, now, ladderInForce),
      escalation: {
        by: SYSTEM_ACTOR,
        at: s.now(),
        fromLevel: h.level,
        note: `SLA breached: ${reason}${earlier}`,
      },
    });
    s.record(next, SYSTEM_ACTOR, 'escalated', `SLA breached: escalated to ${to}`, {
      why: { reason, rule: null, confidence: h.context.confidence },
    });
  }
};
