import type { ProposedAction } from '../api/action-schemas';
import type {
  Decision,
  DecisionAction,
  FlagRule,
  Handoff,
  Level,
  Problem,
  User,
} from '../api/handoff-schemas';
import type { Ladder } from '../api/ladder-schemas';
import { makeProblem } from '../api/problem';
import type { RulesTable } from '../api/rules-schemas';
import { actionsFromText, commitmentsOfActions } from './actions';
import { authorityProblem, checkActionAuthority, stakesOf } from './authority';
import { authorityOf } from './default-ladder';
import { flagRuleInfo } from './flags';
import { escalationTargets, hasAuthorityOver, levelLabels, rank } from './levels';
import { type LifecycleEvent, nextStatus, statusLabels } from './lifecycle';
import { optionsInForce, optionsSupersededBy } from './options';
import { staleDraftProblem } from './stale-draft';
import { amountsOnItem, guardReply, textCommitments } from './text-guard';

/*
 * The rules every decision must pass, in the order a reviewer would want to hear about them:
 * is it the same item they looked at, is it theirs, may they act on it, is the action possible
 * now, and are the required inputs there.
 */

export function checkVersion(handoff: Handoff, version: number): Problem | null {
  if (handoff.version === version) return null;
  return makeProblem(
    'version_conflict',
    `You were working on version ${version}; the item is now at version ${handoff.version}.`,
    { current: handoff },
  );
}

export function checkHolder(handoff: Handoff, actor: User): Problem | null {
  if (!handoff.assignee || handoff.assignee.id === actor.id) return null;
  return makeProblem('not_claimant', `${handoff.assignee.name} holds this item.`, {
    current: handoff,
  });
}

/** Everything a person does to an item: taking it, editing its reply, or a decision. */
export type ItemAction = DecisionAction | 'claim' | 'edit';

/**
 * Whether the ladder lets `actor` take `action` on this item. Items are routed to a level, and
 * only that level or above may touch them. Claiming and editing prepare a decision, so they
 * are open to any level that makes decisions; the decision itself is held to the level's scope
 * (actions, categories, and for approval the refund limit and exceptions, read from
 * `approvedText`, the reply that would be sent). A refusal is a 403 naming the level that can.
 */
export function checkAuthority(
  handoff: Handoff,
  actor: User,
  action: ItemAction,
  {
    ladder,
    rules,
    approvedText,
    approvedActions,
  }: {
    ladder: Ladder;
    rules?: RulesTable;
    approvedText?: string;
    approvedActions?: readonly ProposedAction[];
  },
): Problem | null {
  if (!hasAuthorityOver(actor.level, handoff.level)) {
    const item = levelLabels[handoff.level];
    return makeProblem(
      'forbidden',
      `Items at ${item} are outside the authority of ${levelLabels[actor.level]}; ${item} or above can act on them.`,
      { requiredLevel: handoff.level },
    );
  }
  const byRule = rules ? ruleLevelOf(handoff.context.flags, rules) : null;
  if (byRule && !hasAuthorityOver(actor.level, byRule.level)) {
    const needed = levelLabels[byRule.level];
    return makeProblem(
      'forbidden',
      `The ${flagRuleInfo[byRule.rule].label.toLowerCase()} rule needs ${needed} or above on this item; you are ${levelLabels[actor.level]}.`,
      { requiredLevel: byRule.level },
    );
  }
  if (action === 'claim' || action === 'edit') {
    if (authorityOf(ladder, actor.level).actions.length > 0) return null;
    return makeProblem(
      'forbidden',
      `${levelLabels[actor.level]} makes no decisions on this ladder.`,
    );
  }
  const stakes =
    action === 'approve' && approvedText !== undefined
      ? approvalStakes(approvedText, approvedActions ?? [])
      : { amount: null };
  const check = checkActionAuthority(
    actor.level,
    action,
    { category: handoff.ticket.category, ...stakes },
    ladder,
  );
  return authorityProblem(check, actor.level);
}

/**
 * The highest level the rules that fired on the item ask for, under the rules table in force,
 * with the rule that asks it; null when no enabled rule asks above L1. Whatever level an item
 * was routed to, a rule's level is the least that may act on it.
 */
export function ruleLevelOf(
  flags: readonly { rule: FlagRule }[],
  rules: RulesTable,
): { level: Level; rule: FlagRule } | null {
  let found: { level: Level; rule: FlagRule } | null = null;
  for (const flag of flags) {
    const rule = rules.rules.find((r) => r.id === flag.rule);
    if (!rule?.enabled || rank(rule.minLevel) <= rank(found?.level ?? 'l1')) continue;
    found = { level: rule.minLevel, rule: flag.rule };
  }
  return found;
}

/**
 * What approving puts at stake: the proposed actions, and whatever the reply text promises
 * (read after normalising how amounts are written), whichever is higher.
 */
export function approvalStakes(text: string, actions: readonly ProposedAction[]) {
  return stakesOf([...commitmentsOfActions(actions), ...textCommitments(text)]);
}

/** Actions the text reader prices from a reply's words; the others only exist as data. */
const readFromText = new Set<ProposedAction['type']>([
  'refund',
  'store_credit',
  'policy_exception',
]);

/**
 * The actions an approval would carry out: those sent, else the reviewer's edit of them, else
 * the draft's; when the reviewer rewrote the reply without touching the actions, the money and
 * exceptions its promises call for (and the text guard still refuses what it cannot read),
 * beside the draft's actions that words never carry (a replacement, an account change).
 */
export function approvedActionsOf(
  handoff: Handoff,
  sent: readonly ProposedAction[] | undefined,
  finalText?: string,
): readonly ProposedAction[] {
  if (sent) return sent;
  if (handoff.workingDraft?.actions) return handoff.workingDraft.actions;
  const draft = handoff.drafts.at(-1)!;
  const base = chosenOptionDraft(handoff, handoff.selectedOptionId);
  if (finalText === undefined || finalText === draft.text || finalText === base) {
    return draft.actions;
  }
  const read = actionsFromText(finalText, amountsOnItem(handoff)).filter((a) => a.type !== 'reply');
  const kept = draft.actions.filter((a) => a.type !== 'reply' && !readFromText.has(a.type));
  const actions = [...read, ...kept];
  return actions.length > 0 ? actions : [{ type: 'reply' }];
}

/** The text guard's refusal of approving `text` with `actions`, or null when it passes. */
export function guardProblem(
  handoff: Handoff,
  text: string,
  actions: readonly ProposedAction[],
): Problem | null {
  const findings = guardReply(text, actions, { knownAmounts: amountsOnItem(handoff) });
  if (findings.length === 0) return null;
  return makeProblem('validation', findings[0]!.message, {
    errors: findings.map((f) => ({ pointer: '/finalText', message: f.message })),
  });
}

export function checkTransition(handoff: Handoff, event: LifecycleEvent): Problem | null {
  if (nextStatus(handoff.status, event)) return null;
  return makeProblem(
    'illegal_transition',
    `A ${statusLabels[handoff.status].toLowerCase()} item cannot be ${pastTense[event]}.`,
    { current: handoff },
  );
}

const pastTense: Record<LifecycleEvent, string> = {
  claim: 'claimed',
  release: 'released',
  approve: 'approved',
  reject: 'rejected',
  escalate: 'escalated',
  redirect: 'redirected',
  ai_revised: 'revised',
  ai_finished: 'finished',
  ai_failed: 'failed',
  auto_approve: 'auto-approved',
  expire: 'expired',
  pause: 'paused',
  take_over: 'taken over',
  retry: 'retried',
  reassign: 'reassigned',
  reroute: 're-routed',
};

/**
 * What one write to an item is held to, in the order a reviewer would want to hear about it.
 * A write that makes no lifecycle move (an autosave) names no `event`; one open to a person who
 * needs no authority (giving an item back) names no `authority`; pausing the AI is open to
 * anyone with authority, whoever holds the item (`anyHolder`).
 */
export interface ItemWrite {
  version: number;
  event?: LifecycleEvent;
  authority?: ItemAction;
  anyHolder?: boolean;
  ladder: Ladder;
  /** The rules table in force: an item is held to the level its fired rules ask for. */
  rules?: RulesTable;
  approvedText?: string;
  approvedActions?: readonly ProposedAction[];
}

/** The first rule a write to an item breaks, or null when it may go ahead. */
export function checkItemWrite(handoff: Handoff, actor: User, write: ItemWrite): Problem | null {
  return (
    checkVersion(handoff, write.version) ??
    (write.anyHolder ? null : checkHolder(handoff, actor)) ??
    (write.authority ? checkAuthority(handoff, actor, write.authority, write) : null) ??
    (write.event ? checkTransition(handoff, write.event) : null)
  );
}

/**
 * The draft of the option an approval names, when that option is in force: what "edited" is
 * measured against. A newer draft supersedes the options, so then it is the AI's latest draft.
 */
export function chosenOptionDraft(handoff: Handoff, optionId: string | null): string | undefined {
  return optionsInForce(handoff).find((o) => o.id === optionId)?.draft;
}

/** Why an approval's choice of option is refused, or null: a choice is needed only while the options are in force. */
function checkSelectedOption(handoff: Handoff, optionId: string | null): string | null {
  const options = optionsInForce(handoff);
  const newer = optionsSupersededBy(handoff);
  if (optionId !== null && newer) {
    return `The AI’s options were offered with its first draft; draft ${newer.number} replaced them. Approve it without choosing an option.`;
  }
  if (options.length <= 1) return null;
  if (!optionId) return 'Select one of the AI’s options.';
  return options.some((o) => o.id === optionId) ? null : 'That option does not exist.';
}

/** Inputs a decision needs beyond its schema: acknowledged hard stops, a chosen option, a valid target. */
export function checkDecisionInputs(handoff: Handoff, decision: Decision): Problem | null {
  const errors: { pointer: string; message: string }[] = [];
  if (decision.action === 'approve') {
    const missing = handoff.context.flags.filter(
      (f) => f.hardStop && !decision.acknowledgedFlags.includes(f.rule),
    );
    if (missing.length > 0) {
      errors.push({
        pointer: '/acknowledgedFlags',
        message: `Acknowledge the hard-stop flag before approving: ${missing.map((f) => f.message).join('; ')}`,
      });
    }
    const optionProblem = checkSelectedOption(handoff, decision.selectedOptionId);
    if (optionProblem) errors.push({ pointer: '/selectedOptionId', message: optionProblem });
    const stale = staleDraftProblem(handoff, decision.seenCustomerMessageAt);
    if (stale) errors.push({ pointer: '/seenCustomerMessageAt', message: stale });
    if (errors.length === 0) {
      const actions = approvedActionsOf(handoff, decision.finalActions, decision.finalText);
      const guarded = guardProblem(handoff, decision.finalText, actions);
      if (guarded) return guarded;
    }
  }
  if (
    decision.action === 'escalate' &&
    !escalationTargets(handoff.level).includes(decision.targetLevel)
  ) {
    errors.push({
      pointer: '/targetLevel',
      message: `Escalate to a level above ${levelLabels[handoff.level]}.`,
    });
  }
  if (errors.length === 0) return null;
  return makeProblem('validation', 'The decision is missing required input.', { errors });
}

/** The first rule a decision breaks, or null when it may be applied. */
export function checkDecision(
  handoff: Handoff,
  decision: Decision,
  actor: User,
  ladder: Ladder,
  rules?: RulesTable,
): Problem | null {
  const { action, version } = decision;
  const approvedText = action === 'approve' ? decision.finalText : undefined;
  const approvedActions =
    action === 'approve'
      ? approvedActionsOf(handoff, decision.finalActions, decision.finalText)
      : undefined;
  return (
    checkItemWrite(handoff, actor, {
      version,
      event: action,
      authority: action,
      ladder,
      ...(rules ? { rules } : {}),
      approvedText,
      approvedActions,
    }) ?? checkDecisionInputs(handoff, decision)
  );
}
