import type { Category, Channel, RuleFlag, Ticket } from '../../src/api/handoff-schemas';
import { defaultRulesTable, ruleConfig } from '../../src/domain/default-policy';
import { evaluateRules } from '../../src/domain/rules';
import { carriers, products } from './catalog';
import type { SeedCustomer } from './customers';
import { intern } from './intern';
import type { Random } from './random';
import { pickTemplate } from './stories';
import { routineStories } from './stories/routine';
import { failureDiagnosis, holdingReply, withLongPaste, withThreat } from './stories/twists';
import type { StoryContext, StoryFacts } from './stories/types';
import { frameMessage, type Language, letter } from './text';
import { confidenceFor, routineConfidence, urgencyFor } from './traits';

/** One customer request and the AI's work on it, before it gets a number and a place in time. */
export interface CaseContent {
  story: StoryFacts;
  language: Language;
  firstName: string;
  /** Ticket with placeholder id, number and receivedAt; those follow once cases are ordered. */
  ticket: Ticket;
  draft: string;
  options: { label: string; rationale: string; draft: string }[];
  optionsTopic: string | null;
  confidence: number;
  diagnosis: string | null;
  flags: RuleFlag[];
}

const channelWeights: readonly (readonly [Channel, number])[] = [
  ['email', 48],
  ['chat', 30],
  ['web', 14],
  ['phone', 8],
];

/* Rates tuned so the default world shows every rule without drowning the queue in flags. */
const rates = { threat: 0.08, longPaste: 0.015, failure: 0.05, options: 0.32 };

/*
 * Most of an inbox is routine: order status, password resets, simple how-to questions. The
 * share is tuned so the default policy leaves about one ticket in eight to a person (the
 * 10–15% review band), while the rest of the mix keeps every rule and story in play.
 */
export const ROUTINE_SHARE = 0.85;

/**
 * The next ticket in the inbox: routine most of the time, otherwise one of the stories that
 * need judgement. `pickCustomer` draws a customer from the pool each time it is called.
 */
export function writeTicket(rng: Random, pickCustomer: () => SeedCustomer): CaseContent {
  if (!rng.chance(ROUTINE_SHARE)) return writeCase(rng, pickCustomer());
  let customer = pickCustomer();
  // High-value accounts take most everyday questions to their account manager, not the inbox.
  if (isHighValue(customer) && rng.chance(0.9)) customer = pickCustomer();
  return writeCase(rng, customer, true);
}

const highValue = ruleConfig(defaultRulesTable, 'high_value').params;

function isHighValue({ customer }: SeedCustomer): boolean {
  return (
    highValue.tiers.includes(customer.tier) ||
    customer.lifetimeValue >= highValue.lifetimeValueLimit
  );
}

/**
 * One case. A routine one is a plain English question the AI can answer from its systems: no
 * threats, pastes, failures or options, and a confident draft.
 */
export function writeCase(rng: Random, customer: SeedCustomer, routine = false): CaseContent {
  const template = routine ? rng.pick(routineStories) : pickTemplate(rng);
  const ctx = storyContext(rng, customer);
  let story = template.write(ctx);
  const english = template.language === 'en';
  const threatened =
    !routine && english && template.category !== 'legal' && rng.chance(rates.threat);
  if (threatened) story = withThreat(story, rng);
  const channel = rng.weighted(channelWeights);
  // Nobody reads a device log into a voicemail.
  if (!routine && channel !== 'phone' && rng.chance(rates.longPaste)) {
    story = withLongPaste(story, ctx, template.category);
  }

  const diagnosis =
    !routine && english && rng.chance(rates.failure)
      ? failureDiagnosis(template.category, story, ctx)
      : null;
  const choice =
    diagnosis === null && story.choice && rng.chance(rates.options) ? story.choice : null;
  const language = template.language;
  const options = (choice?.options() ?? []).map((o) => ({
    label: o.label,
    rationale: o.rationale,
    draft: letter(language, customer.firstName, o.reply),
  }));
  const draft = diagnosis
    ? letter(language, customer.firstName, holdingReply(story))
    : (options[0]?.draft ?? letter(language, customer.firstName, story.reply));

  const ticket: Ticket = {
    id: 't-0',
    number: 1,
    customer: customer.customer,
    channel,
    subject: story.subject,
    body: frameMessage(
      story.message,
      channel,
      language,
      { first: customer.firstName, full: customer.customer.name },
      rng.pick,
    ),
    category: template.category,
    urgency: urgencyFor(
      rng,
      story.minUrgency,
      threatened || customer.customer.priorComplaints >= 3,
    ),
    language,
    attachments:
      story.attachments ??
      (routine ? routineAttachments(rng, template.category) : null) ??
      rng.weighted([
        [0, 84],
        [1, 10],
        [2, 3],
        [3, 1.5],
        [rng.int(4, 9), 1.5],
      ]),
    receivedAt: '1970-01-01T00:00:00.000Z',
  };
  const confidence = routine
    ? routineConfidence(rng)
    : confidenceFor(rng, diagnosis !== null, options.length > 1, english);
  // The seed world was routed under the default policy, so its flags carry those rule versions.
  const raised = evaluateRules(
    ticket,
    { confidence, options: options.map((o, i) => ({ id: String(i), ...o })), diagnosis },
    defaultRulesTable,
  );
  // The rules' messages repeat across tickets; the world keeps one copy of each.
  const flags = raised.map((f) => ({ ...f, message: intern(f.message) }));
  return {
    // Only what later stages quote, so a large world does not hold every paragraph twice.
    story: {
      topic: story.topic,
      reference: story.reference,
      retrieve: story.retrieve,
      toolCall: story.toolCall,
    },
    language,
    firstName: customer.firstName,
    ticket,
    draft,
    options,
    optionsTopic: choice?.topic ?? null,
    confidence,
    diagnosis,
    flags,
  };
}

/**
 * Routine questions rarely carry files, except how-to questions where some customers attach a
 * screenshot of every step: enough to trip the anomaly rule, which in a post-hoc category
 * sends the reply and samples it for review.
 */
function routineAttachments(rng: Random, category: Category): number {
  if (category !== 'technical')
    return rng.weighted([
      [0, 90],
      [1, 10],
    ]);
  return rng.weighted([
    [0, 70],
    [1, 16],
    [2, 4],
    [rng.int(4, 6), 10],
  ]);
}

const smartProducts = products.filter((p) => p.smart);

function storyContext(rng: Random, customer: SeedCustomer): StoryContext {
  const carrier = rng.pick(carriers);
  return {
    rng,
    customer: customer.customer,
    firstName: customer.firstName,
    company: customer.company,
    order: String(rng.int(40_000, 99_999)),
    product: rng.pick(products),
    smartProduct: rng.pick(smartProducts),
    carrier,
    tracking: `${carrier.slice(0, 2).toUpperCase()}${rng.int(100_000, 999_999)}${rng.int(1000, 9999)}`,
  };
}
