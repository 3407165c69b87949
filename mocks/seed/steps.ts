import type { Step, StepType } from '../../src/api/handoff-schemas';
import { flagRuleInfo } from '../../src/domain/flags';
import type { CaseContent } from './case';
import { intern } from './intern';
import { isoAt } from './iso';
import type { Random } from './random';

const languageNames: Record<string, string> = { es: 'Spanish', de: 'German', fr: 'French' };

interface StepSpec {
  type: StepType;
  summary: string;
  outcome: Step['outcome'];
}

/**
 * The AI's timeline, ending just before it handed the item over. A reviewer reads these to
 * see what the AI actually looked at; a failed step is where troubleshooting starts.
 */
export function buildSteps(
  rng: Random,
  handoffId: string,
  c: CaseContent,
  stillWorking: boolean,
  createdAt: number,
): { steps: Step[]; receivedAt: number } {
  const specs = stepSpecs(c, stillWorking);
  const durations = specs.map((s) => duration(rng, s.type));
  let t = createdAt - rng.int(200, 1_500);
  for (const d of durations) t -= d;
  // Tickets wait in the inbox a moment before the AI picks them up.
  const receivedAt = t - rng.int(1_000, 20_000);
  // Steps run back to back, so each one starts on the very timestamp the previous one ended.
  let startedAt = isoAt(t);
  const steps = specs.map((spec, i): Step => {
    t += durations[i] ?? 0;
    const finishedAt = isoAt(t);
    const step = {
      id: `${handoffId}-s${i + 1}`,
      type: spec.type,
      summary: spec.summary,
      outcome: spec.outcome,
      startedAt,
      finishedAt,
    };
    startedAt = finishedAt;
    return step;
  });
  return { steps, receivedAt };
}

function stepSpecs(c: CaseContent, stillWorking: boolean): StepSpec[] {
  const { story, ticket } = c;
  const specs: StepSpec[] = [
    {
      type: 'classify',
      summary: intern(
        `Classified as ${ticket.category}: ${story.topic}; urgency ${ticket.urgency}`,
      ),
      outcome: 'ok',
    },
    { type: 'retrieve', summary: story.retrieve, outcome: 'ok' },
  ];
  if (c.diagnosis !== null) {
    specs.push(
      { type: 'tool_call', summary: c.diagnosis.split(';')[0] ?? c.diagnosis, outcome: 'failed' },
      {
        type: 'draft',
        summary: 'Drafted a holding reply instead of a full answer',
        outcome: 'warning',
      },
    );
    return specs;
  }
  if (story.toolCall) specs.push({ type: 'tool_call', summary: story.toolCall, outcome: 'ok' });
  specs.push({ type: 'draft', summary: intern(draftSummary(c)), outcome: 'ok' });
  if (stillWorking) return specs;
  const labels = c.flags.map((f) => flagRuleInfo[f.rule].label.toLowerCase());
  specs.push(
    labels.length > 0
      ? {
          type: 'check',
          summary: intern(`Checked against the escalation rules: ${labels.join(', ')}`),
          outcome: 'warning',
        }
      : {
          type: 'check',
          summary: 'Checked against the escalation rules: nothing to flag',
          outcome: 'ok',
        },
  );
  return specs;
}

function draftSummary(c: CaseContent): string {
  if (c.options.length > 1) {
    return `Drafted ${c.options.length} options: ${c.options.map((o) => o.label).join(' / ')}`;
  }
  const words = countWords(c.draft);
  const language = languageNames[c.language];
  return `Drafted a reply${language ? ` in ${language}` : ''} (${words} words)`;
}

function duration(rng: Random, type: StepType): number {
  switch (type) {
    case 'classify':
      return rng.int(300, 1_400);
    case 'retrieve':
      return rng.int(500, 2_500);
    case 'tool_call':
      return rng.int(700, 4_000);
    case 'draft':
      return rng.int(2_000, 7_000);
    case 'check':
      return rng.int(250, 1_000);
  }
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}
