import { createTwoFilesPatch } from 'diff';
import type { Decision, Handoff, User } from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { actionChanges } from '../../../src/domain/actions';
import { approvedActionsOf, checkDecision, chosenOptionDraft } from '../../../src/domain/decisions';
import { responseDueAt } from '../../../src/domain/escalation';
import {
  describeStep,
  escalationSteps,
  membersAt,
  teamEscalationProblem,
} from '../../../src/domain/team-escalation';
import type { ApiReply } from '../http-types';
import { refuseTeamClaim } from '../item-write';
import { ladderInForce, policyInForce } from '../policy/store';
import { ok, personOf, problemReply } from '../route-kit';
import type { BackendServices } from '../services';
import { teamsInForce } from '../teams/store';

/** Approve, reject, escalate or redirect: each applied once, audited, with its outcome. */
export function applyDecision(
  s: BackendServices,
  user: User,
  body: Decision,
  h: Handoff,
): ApiReply {
  const refused = checkDecision(h, body, user, ladderInForce, policyInForce(s).rules);
  if (refused) return problemReply(refused);
  // Deciding an item one does not hold takes it on, so the team's rule for claims applies.
  if (h.assignee?.id !== user.id) {
    const outsider = refuseTeamClaim(s, user, h);
    if (outsider) return outsider;
  }

  const actor = personOf(user);
  // Whoever decides owns the outcome, claimed or not (seed: "explicit ownership").
  const owner = { assignee: { id: user.id, name: user.name } };
  const common = { timeOnItemMs: body.timeOnItemMs, acknowledgedFlags: body.acknowledgedFlags };
  const aiDraft = h.drafts.at(-1)!.text;
  const at = s.now();

  switch (body.action) {
    case 'approve': {
      const base = chosenOptionDraft(h, body.selectedOptionId) ?? aiDraft;
      const edited = body.finalText !== base;
      const proposed = h.drafts.at(-1)!.actions;
      const approved = approvedActionsOf(h, body.finalActions, body.finalText);
      const changes = actionChanges(proposed, approved);
      const next = s.move(h, 'approve', {
        ...owner,
        workingDraft: null,
        selectedOptionId: body.selectedOptionId,
        outcome: {
          action: 'approve',
          by: actor,
          at,
          edited,
          finalText: body.finalText,
          ...(changes.length > 0 ? { finalActions: [...approved] } : {}),
          reason: null,
        },
      });
      const textDiff = edited
        ? createTwoFilesPatch('AI draft', 'Sent reply', base, body.finalText, '', '', {
            context: 2,
          })
        : null;
      // The actions' changes are part of the record, after the text's.
      const actionsDiff =
        changes.length > 0
          ? `Actions changed:\n${changes.map((c) => `  ${c}`).join('\n')}\n`
          : null;
      const diff = textDiff || actionsDiff ? `${textDiff ?? ''}${actionsDiff ?? ''}` : null;
      const what = edited
        ? changes.length > 0
          ? 'Sent to the customer with edits to the reply and the actions'
          : 'Sent to the customer with edits'
        : changes.length > 0
          ? 'Sent to the customer with edited actions'
          : 'Sent to the customer as drafted';
      const event = s.record(next, actor, 'approved', what, {
        ...common,
        diff,
        why: { reason: null, rule: null, confidence: h.context.confidence },
      });
      return ok({ handoff: next, event });
    }
    case 'reject': {
      const next = s.move(h, 'reject', {
        ...owner,
        workingDraft: null,
        outcome: {
          action: 'reject',
          by: actor,
          at,
          edited: false,
          finalText: null,
          reason: body.reason,
        },
      });
      const event = s.record(next, actor, 'rejected', 'Draft rejected; nothing sent', {
        ...common,
        why: { reason: body.reason, rule: null, confidence: h.context.confidence },
      });
      return ok({ handoff: next, event });
    }
    case 'escalate': {
      // Inside a team the item climbs the team's ladder; it leaves only past the team's top.
      const teams = teamsInForce(s).teams;
      const wrongRung = teamEscalationProblem(h, body.targetLevel, teams);
      if (wrongRung) {
        return problemReply(
          makeProblem('validation', wrongRung, {
            errors: [{ pointer: '/targetLevel', message: wrongRung }],
          }),
        );
      }
      const step = escalationSteps(h, teams).find((t) => t.level === body.targetLevel)!;
      const team = teams.find((t) => t.id === step.team?.teamId);
      const to = describeStep(step, membersAt(team, step.level, [...s.world.users.values()]));
      // The draft, the context package and the reviewer's saved text travel unchanged.
      const next = s.move(h, 'escalate', {
        level: body.targetLevel,
        assignee: null,
        team: step.team,
        dueAt: responseDueAt(body.targetLevel, s.clock(), ladderInForce),
        escalation: { by: actor, at, fromLevel: h.level, note: body.note },
      });
      const event = s.record(next, actor, 'escalated', `Escalated to ${to}`, {
        ...common,
        why: { reason: body.note, rule: null, confidence: h.context.confidence },
      });
      return ok({ handoff: next, event });
    }
    case 'redirect': {
      // The reviewer's edit stays on the item, as the text the agent revises, until it answers.
      const edit =
        body.editedText !== undefined && body.editedText !== aiDraft ? body.editedText : null;
      const redirected = s.move(h, 'redirect', {
        ...owner,
        workingDraft: edit === null ? null : { text: edit, savedAt: at, by: owner.assignee },
      });
      const event = s.record(
        redirected,
        actor,
        'redirected',
        edit === null
          ? 'Sent back to the AI with instructions'
          : 'Sent back to the AI with instructions and their edit of the draft to revise',
        {
          ...common,
          why: { reason: body.instructions, rule: null, confidence: h.context.confidence },
          ...(edit === null
            ? {}
            : {
                diff: createTwoFilesPatch('AI draft', 'Reviewer’s edit', aiDraft, edit, '', '', {
                  context: 2,
                }),
              }),
        },
      );
      // Every item is an agent's (the built-in AI is one too): it waits for that agent's new
      // draft (POST /agent/handoffs/{id}/drafts); the desk writes none itself.
      return ok({ handoff: redirected, event });
    }
  }
}
