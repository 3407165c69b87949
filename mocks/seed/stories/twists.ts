import type { Category } from '../../../src/api/handoff-schemas';
import type { Random } from '../random';
import type { Story, StoryContext } from './types';

/*
 * What turns an ordinary ticket into one the rules must catch: a threat that trips a policy
 * keyword, a message far longer than usual, or a tool that fails mid-task.
 */

const threats = [
  'If this is not sorted by Friday I will file a chargeback with my bank.',
  'I have already spoken to a lawyer about this.',
  'I am prepared to take legal action if I have to.',
  'Another week of this and I will start legal action.',
  'Honestly, at this point I am ready to sue.',
  'Do not make me take this to small claims court.',
  'I will dispute the payment as a chargeback if I get another template answer.',
];

export function withThreat(story: Story, rng: Random): Story {
  const message = [...story.message];
  const last = message.length - 1;
  message[last] = `${message[last] ?? ''} ${rng.pick(threats)}`.trim();
  return { ...story, message };
}

/**
 * Customers who paste a whole device log or forward an entire email thread. Long enough to
 * trip the anomaly rule, built from repeated but varied lines so it still reads as real.
 */
export function withLongPaste(story: Story, ctx: StoryContext, category: Category): Story {
  const { rng } = ctx;
  const lines: string[] = [];
  if (category === 'technical') {
    lines.push('Here is the full log from the app, in case it helps:');
    const events = [
      'wifi.scan',
      'ble.connect',
      'cloud.sync',
      'ota.check',
      'scene.load',
      'auth.refresh',
    ];
    const results = ['ok', 'ok', 'ok', 'timeout', 'retry', 'error -110'];
    for (let i = 0; i < 90; i += 1) {
      const seconds = String(i * 3 + rng.int(0, 2)).padStart(4, '0');
      lines.push(
        `[+${seconds}s] ${rng.pick(events)} device=${ctx.smartProduct.name.split(' ')[0]?.toLowerCase()} rssi=-${rng.int(40, 85)} status=${rng.pick(results)}`,
      );
    }
  } else {
    lines.push('I am forwarding everything we have said so far so you have the full picture:');
    const messages = 18;
    for (let i = 0; i < messages; i += 1) {
      lines.push(
        `--- Message ${messages - i} ---`,
        i % 2 === 0
          ? `From me: I am writing again about ${story.reference}. I explained the problem in my previous message and I have still not had a useful answer. Please read the whole thread before replying, because I do not want to explain it again from the beginning.`
          : `From Lumen Support: Thank you for your patience. We have passed your message about ${story.reference} to the team responsible and will get back to you as soon as possible. Reference ${rng.int(100000, 999999)}.`,
      );
    }
  }
  return { ...story, message: [...story.message, lines.join('\n')] };
}

const failures: Record<Category, readonly string[]> = {
  shipping: [
    'Order service timed out after 3 retries; last good step: classified as {topic}',
    'Carrier tracking API returned 503 for {tracking}; last good step: retrieved the late-delivery policy',
  ],
  billing: [
    'Payments service refused the charge lookup (permission denied for this merchant account); last good step: classified as {topic}',
    'Ledger returned two conflicting refund records; last good step: retrieved the refund policy',
  ],
  technical: [
    'Device telemetry service timed out after 3 retries; last good step: classified as {topic}',
    'Crash report could not be parsed (unknown build); last good step: searched known issues',
  ],
  account: [
    'Identity service rejected the lookup for a locked account; last good step: classified as {topic}',
    'Account has two profiles with the same email and the AI could not tell which one is the customer; last good step: classified as {topic}',
  ],
  legal: [
    'Policy library returned two versions of the retention policy and the AI could not tell which applies; last good step: classified as {topic}',
  ],
};

/** A diagnosis naming what broke and the last step that worked, as the seed asks. */
export function failureDiagnosis(category: Category, story: Story, ctx: StoryContext): string {
  return ctx.rng
    .pick(failures[category])
    .replace('{topic}', story.topic)
    .replace('{tracking}', ctx.tracking);
}

/** What the AI can still honestly send when it could not finish: an acknowledgement. */
export function holdingReply(story: Story): string[] {
  return [
    `Thank you for contacting us about ${story.reference}. I'm checking the details with the right team and will come back to you within one business day with a full answer.`,
    "You don't need to do anything in the meantime; I'll update this conversation as soon as I know more.",
  ];
}
