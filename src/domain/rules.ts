import type { Flag, RuleFlag, RuleResponse, Severity, Ticket } from '../api/handoff-schemas';
import type { RuleConfig, RulesTable } from '../api/rules-schemas';
import { ruleConfig } from './default-policy';
import { type AiOutput, evaluateFlags, type FlagPolicy } from './flags';

/*
 * The rules table a lead edits, applied. The matching itself stays in ./flags (one place
 * decides what "low confidence" or "a policy keyword" means); this module feeds it the table's
 * parameters, adds the burst check that needs the customer's other tickets, drops switched-off
 * rules and stamps every flag with its rule's version and configured response, so a flag on
 * an item can always be traced to the exact rule settings that raised it.
 */

/** The table's parameters in the shape the matcher takes. */
export function flagPolicyFromRules(table: RulesTable): FlagPolicy {
  const low = ruleConfig(table, 'low_confidence').params;
  const keywords = ruleConfig(table, 'policy_keyword').params;
  const value = ruleConfig(table, 'high_value').params;
  const anomaly = ruleConfig(table, 'anomaly').params;
  return {
    lowConfidenceBelow: low.threshold,
    policyKeywords: keywords.keywords,
    highValueLimit: value.lifetimeValueLimit,
    highValueTiers: value.tiers,
    anomalyMaxBodyLength: anomaly.maxBodyLength,
    anomalyMaxAttachments: anomaly.maxAttachments,
    expectedLanguages: anomaly.expectedLanguages,
  };
}

export interface RuleInputs {
  /**
   * When the same customer's other tickets arrived (ISO). Only those at or before this
   * ticket's `receivedAt` count, so replaying history gives the flags it gave then.
   */
  customerTicketTimes?: readonly string[];
}

/**
 * Tickets from this customer in the burst window ending at this ticket, this one included;
 * null when that is fewer than the rule's burst count.
 */
export function burstSize(
  ticket: Pick<Ticket, 'receivedAt'>,
  others: readonly string[],
  params: { burstCount: number; burstWindowMinutes: number },
): number | null {
  const at = Date.parse(ticket.receivedAt);
  const from = at - params.burstWindowMinutes * 60_000;
  let count = 1;
  for (const other of others) {
    const t = Date.parse(other);
    if (t >= from && t <= at) count += 1;
  }
  return count >= params.burstCount ? count : null;
}

/** Every flag the rules table raises on this ticket, worst first, each naming its rule version. */
export function evaluateRules(
  ticket: Ticket,
  ai: AiOutput,
  table: RulesTable,
  inputs: RuleInputs = {},
): RuleFlag[] {
  let flags: Flag[] = evaluateFlags(ticket, ai, flagPolicyFromRules(table));
  const anomaly = ruleConfig(table, 'anomaly');
  const burst = burstSize(ticket, inputs.customerTicketTimes ?? [], anomaly.params);
  if (burst !== null) flags = withBurst(flags, burst, anomaly.params.burstWindowMinutes);
  return flags
    .map((flag) => ({ flag, rule: ruleConfig(table, flag.rule) }))
    .filter(({ rule }) => rule.enabled)
    .map(({ flag, rule }) => stamp(flag, rule))
    .sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function severityFor(response: RuleResponse, matched: Severity): Severity {
  switch (response) {
    case 'hard_stop':
    case 'report_with_diagnosis':
      return 'critical';
    case 'require_approval':
    case 'present_choices':
      return 'warning';
    case 'flag_for_review':
      return matched === 'critical' ? 'warning' : matched;
  }
}

function withBurst(flags: Flag[], count: number, windowMinutes: number): Flag[] {
  const reason = `it is message ${count} from this customer within ${windowMinutes} minutes`;
  const existing = flags.find((f) => f.rule === 'anomaly');
  if (existing) {
    return flags.map((f) =>
      f === existing ? { ...f, message: `${f.message.replace(/\.$/, '')}; ${reason}.` } : f,
    );
  }
  return [
    ...flags,
    {
      rule: 'anomaly',
      severity: 'info',
      hardStop: false,
      message: `Unusual input: ${reason}.`,
      humanAction: 'Look closer',
      evidence: [],
    },
  ];
}

/**
 * The table, not the matcher, says how hard a rule stops the line and what it asks of people.
 * Severity follows the response: a hard stop or a failed task is critical, a required decision
 * a warning, a mere review flag keeps the matcher's view but is never critical. With the
 * default table this gives exactly the matcher's severities.
 */
function stamp(flag: Flag, rule: RuleConfig): RuleFlag {
  return {
    ...flag,
    severity: severityFor(rule.response, flag.severity),
    hardStop: rule.response === 'hard_stop',
    humanAction: rule.humanAction,
    ruleVersion: rule.version,
    response: rule.response,
  };
}
