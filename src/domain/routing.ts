import type { Commitment } from '../api/commitment-schemas';
import {
  type Category,
  categorySchema,
  type Flag,
  type FlagRule,
  flagRuleSchema,
  type Level,
  type RuleResponse,
} from '../api/handoff-schemas';
import type { Ladder } from '../api/ladder-schemas';
import type { RoutingPolicy } from '../api/routing-policy-schemas';
import type {
  ReviewBand,
  RouteDecision,
  RouteGate,
  RouteStats,
  TrafficItem,
  WhatIfItem,
  WhatIfResult,
} from '../api/what-if-schemas';
import { requiredLevelFor } from './authority';
import { ruleConfig } from './default-policy';
import { flagRuleInfo } from './flags';
import { levelLabels, rank } from './levels';
import { conservativeUsdRates, formatMoney, type UsdRates } from './money';

/*
 * Confidence-based routing (the seed's pattern B) under a per-category oversight pattern, as one
 * decision table. The same function routes live items and replays traffic for the what-if, so
 * the simulator can never promise what the policy then does not do.
 *
 * Row order, first match wins:
 *   1. A rule whose response needs a person (hard stop, require approval, present choices,
 *      report with diagnosis; a task failure always) -> human review.
 *   2. Stakes or category beyond the AI's authority on the ladder -> human review.
 *   3. Pre-flight or checkpoint approval -> human review (a person sees every draft).
 *   4. Confidence below the category threshold -> human review.
 *   5. Exception-based: any flag for review -> human review, otherwise auto-approve.
 *   6. Post-hoc sample: auto-approve, sampled when flagged for review or when the item's draw
 *      falls under the sample rate.
 * A human review goes to the highest of: L1, the category's level, the stakes' level and the
 * minimum level of every rule that fired.
 */

export interface RouteInput {
  category: Category;
  confidence: number;
  /** The flags raised on the item (from evaluateFlags / evaluateRules). */
  flags: readonly Pick<Flag, 'rule'>[];
  commitments: readonly Commitment[];
  /**
   * What each of the AI's options promises, when it offered any. Where a person must decide
   * anyway, they choose one of them and the server judges the one chosen, so the item goes to
   * the least level that can approve some option rather than to the one its first draft needs.
   */
  choices?: readonly (readonly Commitment[])[];
  /** A stable draw in [0, 1) for post-hoc sampling. */
  random01: number;
}

export interface RouteOptions {
  /** The escalation ladder in force: the one the backend serves. */
  ladder: Ladder;
  rates?: UsdRates;
}

interface Fired {
  rule: FlagRule;
  version: number;
  response: RuleResponse;
  minLevel: Level;
}

/**
 * The rules that fire under this policy. Switched-off rules are ignored, every response comes
 * from the policy being applied (not from when the flag was raised) and low confidence is
 * re-derived from the confidence itself, so a what-if over stored flags honours a new
 * threshold or a changed response.
 */
export function firedRules(
  input: Pick<RouteInput, 'confidence' | 'flags'>,
  policy: RoutingPolicy,
): Fired[] {
  const rules = new Set<FlagRule>(input.flags.map((f) => f.rule));
  const low = ruleConfig(policy.rules, 'low_confidence');
  if (input.confidence < low.params.threshold) rules.add('low_confidence');
  else rules.delete('low_confidence');
  const fired: Fired[] = [];
  // In the matrix's order, so reasons read the same way every time.
  for (const id of flagRuleSchema.options) {
    if (!rules.has(id)) continue;
    const rule = ruleConfig(policy.rules, id);
    if (!rule.enabled) continue;
    fired.push({
      rule: id,
      version: rule.version,
      response: rule.response,
      minLevel: rule.minLevel,
    });
  }
  return fired;
}

const responseWords: Record<RuleResponse, string> = {
  hard_stop: 'hard stop, a person must decide',
  require_approval: 'requires approval',
  present_choices: 'a person must choose between the options',
  report_with_diagnosis: 'the AI could not finish; a person troubleshoots from the diagnosis',
  flag_for_review: 'flagged for review',
};

function ruleReason(f: Fired): string {
  const label = flagRuleInfo[f.rule].label;
  const at = f.response === 'require_approval' ? ` at ${levelLabels[f.minLevel]} or above` : '';
  return `${label} (rule v${f.version}): ${responseWords[f.response]}${at}.`;
}

/** A person must decide whatever the pattern: every response but a plain review flag. */
function isMandatory(f: Fired): boolean {
  return f.rule === 'task_failure' || f.response !== 'flag_for_review';
}

export function routeItem(
  input: RouteInput,
  policy: RoutingPolicy,
  options: RouteOptions,
): RouteDecision {
  const { ladder } = options;
  const rates = options.rates ?? conservativeUsdRates;
  const category = policy.categories[input.category];
  const fired = firedRules(input, policy);
  const reasons: string[] = [];

  const mandatory = fired.filter(isMandatory);
  reasons.push(...mandatory.map(ruleReason));

  const categoryLevel = requiredLevelFor([], ladder, input.category, rates);
  const levelOf = (c: readonly Commitment[]) => requiredLevelFor(c, ladder, input.category, rates);
  // The AI never sends an option itself: only where a person decides regardless do the options
  // stand in for the draft. Otherwise the draft is what auto-approval would send.
  const least = mandatory.length > 0 ? leastDemanding(input.choices ?? [], levelOf) : null;
  const stakes = least?.commitments ?? input.commitments;
  const stakesLevel = least?.level ?? levelOf(input.commitments);
  if (categoryLevel !== 'ai') {
    reasons.push(
      `${capitalize(input.category)} items are outside the AI's authority; they need ${levelLabels[categoryLevel]} or above.`,
    );
  }
  if (rank(stakesLevel) > rank(categoryLevel)) {
    const what = least ? 'The option that asks least promises' : 'The draft promises';
    reasons.push(
      `${what} ${listOf(stakes.map(describeCommitment))}; approval needs ${levelLabels[stakesLevel]} or above.`,
    );
  }

  const humanLevel = [categoryLevel, stakesLevel, ...fired.map((f) => f.minLevel)].reduce<Level>(
    (a, b) => (rank(b) > rank(a) ? b : a),
    'l1',
  );
  const human = (why: string[], safeGate: boolean): RouteDecision => ({
    route: 'human_review',
    level: humanLevel,
    reasons: why,
    gate: gateFor(policy, input.category, safeGate),
  });

  if (reasons.length > 0) return human(reasons, true);

  const name = input.category;
  const confidence = percent(input.confidence);
  const threshold = percent(category.confidenceThreshold);
  switch (category.pattern) {
    case 'pre_flight':
      return human(
        [`Pre-flight approval: a person reviews every ${name} draft before it is used.`],
        false,
      );
    case 'checkpoint_approval':
      return human(
        [`Checkpoint approval: a person approves every ${name} draft before it is sent.`],
        false,
      );
    default:
      break;
  }
  if (input.confidence < category.confidenceThreshold) {
    return human(
      [`Confidence ${confidence} is below the ${name} threshold of ${threshold}.`],
      false,
    );
  }
  const flagged = fired.map(ruleReason);
  const clear = `Confidence ${confidence} is at or above the ${name} threshold of ${threshold}`;
  if (category.pattern === 'exception_based') {
    if (flagged.length > 0) return human(flagged, false);
    return auto('auto_approve', [`${clear} and no rule fired.`]);
  }
  // post_hoc_sample
  if (flagged.length > 0) {
    return auto('auto_approve_sampled', [
      `${clear}; sent, and always sampled for post-hoc review because it was flagged.`,
      ...flagged,
    ]);
  }
  if (input.random01 < category.sampleRate) {
    return auto('auto_approve_sampled', [
      `${clear}; sent, and drawn for the ${percent(category.sampleRate)} post-hoc sample.`,
    ]);
  }
  return auto('auto_approve', [`${clear}; sent without review (post-hoc sample not drawn).`]);
}

/** The option the lowest level may approve; the first of equals, as the AI ranked them. */
function leastDemanding(
  choices: readonly (readonly Commitment[])[],
  levelOf: (c: readonly Commitment[]) => Level,
): { commitments: readonly Commitment[]; level: Level } | null {
  let best: { commitments: readonly Commitment[]; level: Level } | null = null;
  for (const commitments of choices) {
    const level = levelOf(commitments);
    if (!best || rank(level) < rank(best.level)) best = { commitments, level };
  }
  return best;
}

function auto(route: 'auto_approve' | 'auto_approve_sampled', reasons: string[]): RouteDecision {
  return { route, level: 'ai', reasons, gate: null };
}

/**
 * The category's gate. A timeout may not approve what the AI had no authority to send: for
 * such items an 'approve' default becomes the safe one, a holding reply and an escalation.
 */
function gateFor(policy: RoutingPolicy, category: Category, beyondAi: boolean): RouteGate | null {
  const { gateTimeoutMinutes, gateDefault } = policy.categories[category];
  if (gateTimeoutMinutes === null) return null;
  return {
    timeoutMinutes: gateTimeoutMinutes,
    defaultAction: beyondAi && gateDefault === 'approve' ? 'hold_and_escalate' : gateDefault,
  };
}

function describeCommitment(c: Commitment): string {
  const what = {
    refund: 'a refund',
    credit: 'a credit',
    policy_exception: 'an exception to policy',
  }[c.kind];
  if (c.amount === null)
    return c.kind === 'policy_exception' ? what : `${what} (amount not stated)`;
  return `${what} of ${formatMoney(c.amount, c.currency ?? 'USD')}`;
}

/* ---------- what-if ---------- */

/** The seed's sustainable human review rate. */
export const reviewBand = { low: 0.1, high: 0.15 } as const;

export function bandOf(rate: number | null): ReviewBand | null {
  if (rate === null) return null;
  if (rate < reviewBand.low) return 'below';
  if (rate > reviewBand.high) return 'above';
  return 'within';
}

export interface WhatIfOptions extends RouteOptions {
  /** The policy in force, to compare against. */
  baseline: RoutingPolicy;
}

/**
 * Replays recent traffic under a candidate policy: the human review rate overall and per
 * category against the 10–15% band, the items that would newly skip review, and among them the
 * ones a person had to edit or reject: confident, but wrong.
 */
export function whatIf(
  traffic: readonly TrafficItem[],
  policy: RoutingPolicy,
  options: WhatIfOptions,
): WhatIfResult {
  const overall = emptyStats();
  const baselineOverall = emptyStats();
  const perCategory = Object.fromEntries(
    categorySchema.options.map((c) => [c, emptyStats()]),
  ) as Record<Category, RouteStats>;
  const verdicts: WhatIfResult['verdicts'] = [];
  const newlySkipping: WhatIfItem[] = [];
  const newlyReviewed: WhatIfItem[] = [];

  for (const item of traffic) {
    const decision = routeItem(item, policy, options);
    const before = routeItem(item, options.baseline, options);
    count(overall, decision.route);
    count(perCategory[item.category], decision.route);
    count(baselineOverall, before.route);
    verdicts.push({ id: item.id, route: decision.route, level: decision.level });
    const row: WhatIfItem = {
      id: item.id,
      category: item.category,
      confidence: item.confidence,
      baselineRoute: before.route,
      route: decision.route,
      outcome: item.outcome,
    };
    const wasHuman = before.route === 'human_review';
    const isHuman = decision.route === 'human_review';
    if (wasHuman && !isHuman) newlySkipping.push(row);
    if (!wasHuman && isHuman) newlyReviewed.push(row);
  }

  for (const stats of [overall, baselineOverall, ...Object.values(perCategory)]) finish(stats);
  return {
    policyVersion: policy.version,
    baselineVersion: options.baseline.version,
    targetBand: { ...reviewBand },
    overall,
    baselineOverall,
    perCategory,
    verdicts,
    newlySkipping,
    newlyReviewed,
    confidentButWrong: newlySkipping.filter(
      (r) => r.outcome === 'edited' || r.outcome === 'rejected',
    ),
  };
}

function emptyStats(): RouteStats {
  return { total: 0, humanReview: 0, autoApproved: 0, sampled: 0, reviewRate: null, band: null };
}

function count(stats: RouteStats, route: RouteDecision['route']): void {
  stats.total += 1;
  if (route === 'human_review') stats.humanReview += 1;
  else if (route === 'auto_approve') stats.autoApproved += 1;
  else stats.sampled += 1;
}

function finish(stats: RouteStats): void {
  stats.reviewRate = stats.total === 0 ? null : stats.humanReview / stats.total;
  stats.band = bandOf(stats.reviewRate);
}

/* ---------- wording ---------- */

/** 0.85 -> "85%", 0.695 -> "69.5%", as the flags print it. */
function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
