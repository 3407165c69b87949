import type { Flag, FlagRule, Option, Severity, Ticket, Tier } from '../api/handoff-schemas';
import { defaultPolicyKeywords } from './default-policy';
import { findKeywordHits } from './flags-keywords';

/*
 * The escalation matrix as explicit rules. Every flag a reviewer sees is produced here, from
 * the ticket and the AI's own output, so "why was this escalated?" always has an answer
 * (the seed's "hidden escalation" anti-pattern is the thing this module exists to prevent).
 */

export interface FlagPolicy {
  /** Confidence strictly below this is flagged. */
  lowConfidenceBelow: number;
  policyKeywords: string[];
  /** Lifetime value (whole dollars) at or above this is high value. */
  highValueLimit: number;
  highValueTiers: Tier[];
  anomalyMaxBodyLength: number;
  anomalyMaxAttachments: number;
  /** Primary language subtags ('en' also accepts 'en-GB'). */
  expectedLanguages: string[];
}

export const defaultFlagPolicy: FlagPolicy = {
  lowConfidenceBelow: 0.7,
  policyKeywords: [...defaultPolicyKeywords],
  highValueLimit: 10_000,
  highValueTiers: ['enterprise'],
  anomalyMaxBodyLength: 4000,
  anomalyMaxAttachments: 3,
  expectedLanguages: ['en'],
};

/** The parts of the AI's work the rules look at. */
export interface AiOutput {
  confidence: number;
  options: Option[];
  diagnosis: string | null;
}

export const flagRuleInfo: Record<
  FlagRule,
  { label: string; response: string; humanAction: string }
> = {
  low_confidence: {
    label: 'Low confidence',
    response: 'Flag for review',
    humanAction: 'Verify before sending',
  },
  policy_keyword: {
    label: 'Policy keyword',
    response: 'Hard stop',
    humanAction: 'Human must decide',
  },
  multiple_options: {
    label: 'Multiple valid options',
    response: 'Present choices',
    humanAction: 'Select one',
  },
  task_failure: {
    label: 'Task failure',
    response: 'Report with diagnosis',
    humanAction: 'Troubleshoot from the diagnosis',
  },
  high_value: {
    label: 'High-value customer',
    response: 'Require approval',
    humanAction: 'Approve at the required level',
  },
  anomaly: { label: 'Anomaly', response: 'Flag as unusual input', humanAction: 'Look closer' },
};

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Each rule's name alone, for filters and pickers. */
export const flagRuleLabels = Object.fromEntries(
  Object.entries(flagRuleInfo).map(([rule, info]) => [rule, info.label]),
) as Record<FlagRule, string>;

export function evaluateFlags(
  ticket: Ticket,
  ai: AiOutput,
  policy: FlagPolicy = defaultFlagPolicy,
): Flag[] {
  const flags = [
    policyKeywordFlag(ticket, policy),
    taskFailureFlag(ai),
    lowConfidenceFlag(ai, policy),
    multipleOptionsFlag(ai),
    highValueFlag(ticket, policy),
    anomalyFlag(ticket, policy),
  ].filter((flag): flag is Flag => flag !== null);
  // Array.prototype.sort is stable, so rules of equal severity keep the matrix's order.
  return flags.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

function flag(
  rule: FlagRule,
  severity: Severity,
  message: string,
  evidence: Flag['evidence'] = [],
): Flag {
  return {
    rule,
    severity,
    // Only a policy match stops the line: the others inform a decision the reviewer can make.
    hardStop: rule === 'policy_keyword',
    message,
    humanAction: flagRuleInfo[rule].humanAction,
    evidence,
  };
}

function lowConfidenceFlag(ai: AiOutput, policy: FlagPolicy): Flag | null {
  if (!(ai.confidence < policy.lowConfidenceBelow)) return null;
  return flag(
    'low_confidence',
    'warning',
    `Confidence ${percent(ai.confidence)} is below the ${percent(policy.lowConfidenceBelow)} threshold.`,
  );
}

function policyKeywordFlag(ticket: Ticket, policy: FlagPolicy): Flag | null {
  const hits = findKeywordHits(ticket, policy.policyKeywords);
  if (hits.length === 0) return null;
  const found = [...new Set(hits.map((hit) => hit.keyword))].map((keyword) => `"${keyword}"`);
  return flag(
    'policy_keyword',
    'critical',
    `The request mentions ${listOf(found)}; policy requires a human decision.`,
    hits.map((hit) => hit.span),
  );
}

function multipleOptionsFlag(ai: AiOutput): Flag | null {
  if (ai.options.length <= 1) return null;
  return flag(
    'multiple_options',
    'warning',
    `The AI found ${ai.options.length} valid options; one must be chosen.`,
  );
}

function taskFailureFlag(ai: AiOutput): Flag | null {
  if (ai.diagnosis === null) return null;
  return flag('task_failure', 'critical', `The AI could not finish: ${ai.diagnosis}`);
}

function highValueFlag(ticket: Ticket, policy: FlagPolicy): Flag | null {
  const { tier, lifetimeValue } = ticket.customer;
  const reasons: string[] = [];
  if (policy.highValueTiers.includes(tier)) reasons.push(`${capitalize(tier)}-tier customer`);
  if (lifetimeValue >= policy.highValueLimit) {
    reasons.push(
      `lifetime value ${dollars(lifetimeValue)} is at or above the ${dollars(policy.highValueLimit)} limit`,
    );
  }
  if (reasons.length === 0) return null;
  return flag('high_value', 'warning', `${capitalize(reasons.join('; '))}.`);
}

function anomalyFlag(ticket: Ticket, policy: FlagPolicy): Flag | null {
  const reasons: string[] = [];
  if (ticket.body.length > policy.anomalyMaxBodyLength) {
    reasons.push(
      `the message is ${grouped(ticket.body.length)} characters long (usual maximum ${grouped(policy.anomalyMaxBodyLength)})`,
    );
  }
  if (ticket.attachments > policy.anomalyMaxAttachments) {
    reasons.push(
      `it has ${ticket.attachments} attachments (usual maximum ${policy.anomalyMaxAttachments})`,
    );
  }
  if (!isExpectedLanguage(ticket.language, policy.expectedLanguages)) {
    reasons.push(
      `it is written in "${ticket.language}" (expected ${policy.expectedLanguages.join(', ') || 'none'})`,
    );
  }
  if (reasons.length === 0) return null;
  return flag('anomaly', 'info', `Unusual input: ${reasons.join('; ')}.`);
}

function isExpectedLanguage(language: string, expected: readonly string[]): boolean {
  if (expected.includes(language)) return true;
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];
  const mine = primary(language);
  return expected.some((tag) => primary(tag) === mine);
}

/** 0.85 -> "85%", 0.695 -> "69.5%": rounding to whole percent could print "70% below 70%". */
function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

// Hand-rolled grouping keeps messages identical on every machine and locale.
function grouped(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function dollars(value: number): string {
  return `$${grouped(value)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
