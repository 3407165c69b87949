import type { Commitment, CommitmentKind, Currency } from '../api/commitment-schemas';
import { conservativeUsdRates, roundCents } from './money';
import { moneyIn } from './money-text';

/*
 * Promises: what a draft commits the company to. A reply that promises a refund, a credit or an
 * exception to policy spends money or bends a rule, so it needs a person whose authority
 * covers it (the seed's "Stakes: outcome consequences exceed AI's authority"). The parser is
 * deliberately plain: keywords and amounts, matched within a sentence, every find pointing
 * at the draft text that caused it so the reviewer can check it.
 */

export interface CommitmentContext {
  /** The order's value in USD, when the AI looked it up: prices "a full refund" and "20% credit". */
  orderValue?: number | null;
}

/* ---------- text structure ---------- */

interface Range {
  start: number;
  end: number;
}

/** Sentences end at . ! ? followed by space or the end, at ; and at line breaks. */
function sentences(text: string): Range[] {
  return split(text, 0, text.length, /[.!?]+(?=\s|$)|;|\n+/g);
}

/** Clauses: commas and colons not inside numbers, dashes, and the joining words. */
function clauses(text: string, sentence: Range): Range[] {
  return split(
    text,
    sentence.start,
    sentence.end,
    /,(?!\d)|:(?!\d)|\s[—–-]\s|\s(?:and|or|but|so|then|y|o|und|oder|et|ou)\s/giu,
  );
}

function split(text: string, from: number, to: number, boundary: RegExp): Range[] {
  const ranges: Range[] = [];
  const slice = text.slice(from, to);
  let start = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(slice); m; m = boundary.exec(slice)) {
    if (m[0].length === 0) {
      boundary.lastIndex += 1;
      continue;
    }
    if (m.index > start) ranges.push({ start: from + start, end: from + m.index });
    start = m.index + m[0].length;
  }
  if (start < slice.length) ranges.push({ start: from + start, end: to });
  return ranges;
}

/* ---------- what counts as a promise ---------- */

const letterBefore = '(?<![\\p{L}\\p{N}_])';
const letterAfter = '(?![\\p{L}\\p{N}_])';
const words = (body: string) => new RegExp(`${letterBefore}(?:${body})${letterAfter}`, 'giu');

const keywordPatterns: readonly (readonly [CommitmentKind, RegExp])[] = [
  [
    'refund',
    words(
      'refund(?:s|ed|ing)?|reimburs\\p{L}*|money\\s+back|reembols\\p{L}*|rückerstatt\\p{L}*|erstatt\\p{L}*|rembours\\p{L}*',
    ),
  ],
  // "credit card" is how the money travels, not a credit; "credited" usually describes a refund.
  ['credit', words('credits?(?!\\s+cards?)|gutschrift\\p{L}*|crédito|crédit')],
  [
    'policy_exception',
    words(
      'exceptions?|waive[ds]?|waiving|one-(?:time|off)\\s+courtesy|outside\\s+(?:of\\s+)?(?:our|the)\\s+(?:\\p{N}+-day\\s+)?(?:return|refund|warranty)\\s+(?:window|period|policy)',
    ),
  ],
];

/** Just before the keyword: "can't offer a refund", "not eligible for a refund". */
const negatedBefore =
  /(?:^|[^\p{L}])(?:no|not|never|cannot|unable|ineligible|without)(?![\p{L}])|n['’]t(?![\p{L}])/iu;
/** Just after it: "a refund is not possible". */
const negatedAfter =
  /^[^,;]{0,25}?(?:not\s+(?:possible|available|eligible|due)|isn['’]t\s+(?:possible|available|due)|impossible)/iu;
/** "I", "we", "I'll", "we've": a new subject, whose verb a negation before it does not reach. */
const subject = /(?<![\p{L}])(?:I|we)(?:['’](?:ll|ve|m|d|re))?(?![\p{L}])/giu;

/**
 * Whether the promise is refused. The negation must govern the promise's own verb: in "if it
 * doesn't arrive by Friday I'll refund you" the "doesn't" belongs to the condition.
 */
function negated(before: string, after: string): boolean {
  const subjects = [...before.matchAll(subject)];
  const last = subjects.at(-1);
  const scope = last ? before.slice(last.index + last[0].length) : before.slice(-40);
  return negatedBefore.test(scope) || negatedAfter.test(after);
}

/** The clause reports money that already moved: "we sent your refund of $89.00 5 days ago". */
const pastReference = words('ago|already|previously|earlier|last\\s+(?:week|month)');
/** A refund of the whole order, priced from the order value. */
const wholeOrder = words('full|whole|entire|in\\s+full');

/* ---------- amounts ---------- */

const notInNumber = '(?<![\\d.,])';

const percentPattern = new RegExp(
  `${notInNumber}(\\d+(?:[.,]\\d+)?)\\s?(?:%|percent|per\\s+cent)(?![\\p{L}])`,
  'giu',
);

interface Amount extends Range {
  money: { value: number; currency: Currency } | null;
  percent: number | null;
}

function findAmounts(text: string): Amount[] {
  const found: Amount[] = moneyIn(text).map(({ start, end, value, currency }) => ({
    start,
    end,
    money: { value, currency },
    percent: null,
  }));
  for (const m of text.matchAll(percentPattern)) {
    const value = Number((m[1] ?? '').replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((a) => a.start < end && start < a.end)) continue;
    found.push({ start, end, money: null, percent: value });
  }
  return found.sort((a, b) => a.start - b.start);
}

/* ---------- detection ---------- */

interface Pledge extends Range {
  kind: CommitmentKind;
  clause: Range;
  sentence: Range;
  amounts: Amount[];
}

/**
 * Every refund, credit and policy exception the draft promises, in reading order, each with
 * the amount when one can be read (in the currency written) and the span of draft text that
 * makes the promise. Refusals ("we can't refund") and reports of money that already moved
 * ("your refund of $89.00 left us 5 days ago") are not promises.
 */
export function detectCommitments(
  draftText: string,
  context: CommitmentContext = {},
): Commitment[] {
  const promises: Pledge[] = [];
  const amounts: { amount: Amount; clause: Range; sentence: Range }[] = [];
  const allAmounts = findAmounts(draftText);

  for (const sentence of sentences(draftText)) {
    for (const clause of clauses(draftText, sentence)) {
      const clauseText = draftText.slice(clause.start, clause.end);
      for (const amount of allAmounts) {
        if (amount.start >= clause.start && amount.end <= clause.end) {
          amounts.push({ amount, clause, sentence });
        }
      }
      pastReference.lastIndex = 0;
      if (pastReference.test(clauseText)) continue;
      for (const [kind, pattern] of keywordPatterns) {
        for (const m of clauseText.matchAll(pattern)) {
          const start = clause.start + m.index;
          const end = start + m[0].length;
          const before = draftText.slice(clause.start, start);
          const after = draftText.slice(end, clause.end);
          if (negated(before, after)) continue;
          promises.push({ kind, start, end, clause, sentence, amounts: [] });
        }
      }
    }
  }

  // Each amount belongs to the nearest promise in its clause...
  const unassigned: typeof amounts = [];
  for (const entry of amounts) {
    const owner = nearest(
      promises.filter((p) => p.clause === entry.clause),
      entry.amount,
    );
    if (owner) owner.amounts.push(entry.amount);
    else unassigned.push(entry);
  }
  // ...and a promise with none takes the nearest free amount in its sentence.
  for (const promise of promises) {
    if (promise.amounts.length > 0) continue;
    const candidates = unassigned.filter((e) => e.sentence === promise.sentence);
    const closest = nearestAmount(
      candidates.map((e) => e.amount),
      promise,
    );
    if (closest) {
      promise.amounts.push(closest);
      unassigned.splice(
        unassigned.findIndex((e) => e.amount === closest),
        1,
      );
    }
  }

  // One promise per kind per clause: "I'll refund it: the refund is $20" is one refund.
  const merged: Pledge[] = [];
  for (const promise of promises) {
    const same = merged.find((p) => p.kind === promise.kind && p.clause === promise.clause);
    if (same) {
      same.start = Math.min(same.start, promise.start);
      same.end = Math.max(same.end, promise.end);
      same.amounts.push(...promise.amounts);
    } else merged.push({ ...promise, amounts: [...promise.amounts] });
  }

  const commitments = merged.map((p) => toCommitment(draftText, p, context));
  // An amount-less mention of a kind the draft prices elsewhere refers back to it ("You'll see
  // the refund in 3-5 days"), unless it is a whole-order refund.
  const priced = new Set(commitments.filter((c) => c.amount !== null).map((c) => c.kind));
  return commitments
    .filter(
      (c, i) => c.amount !== null || !priced.has(c.kind) || isWholeOrder(draftText, merged[i]),
    )
    .sort((a, b) => a.evidence.start - b.evidence.start);
}

function isWholeOrder(text: string, promise: Pledge | undefined): boolean {
  if (promise?.kind !== 'refund') return false;
  wholeOrder.lastIndex = 0;
  return wholeOrder.test(text.slice(promise.clause.start, promise.clause.end));
}

function toCommitment(text: string, p: Pledge, context: CommitmentContext): Commitment {
  const spans = [p, ...p.amounts];
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const money = p.amounts.flatMap((a) => (a.money ? [a.money] : []));
  const orderValue = context.orderValue ?? null;
  let amount: number | null = null;
  let currency: Currency | null = null;
  if (money.length > 0) {
    // Several amounts on one promise: count the largest, so a limit is never under-enforced.
    const largest = money.reduce((a, b) =>
      b.value * conservativeUsdRates[b.currency] > a.value * conservativeUsdRates[a.currency]
        ? b
        : a,
    );
    amount = largest.value;
    currency = largest.currency;
  } else {
    const percent = p.amounts.find((a) => a.percent !== null)?.percent ?? null;
    if (percent !== null) {
      amount = orderValue === null ? null : roundCents((orderValue * percent) / 100);
    } else if (isWholeOrder(text, p)) {
      amount = orderValue;
    }
    currency = amount === null ? null : 'USD';
  }
  return { kind: p.kind, amount, currency, text: text.slice(start, end), evidence: { start, end } };
}

function gap(a: Range, b: Range): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearest(promises: Pledge[], amount: Range): Pledge | null {
  let best: Pledge | null = null;
  for (const p of promises) if (!best || gap(p, amount) < gap(best, amount)) best = p;
  return best;
}

function nearestAmount(amounts: Amount[], promise: Range): Amount | null {
  let best: Amount | null = null;
  for (const a of amounts) if (!best || gap(a, promise) < gap(best, promise)) best = a;
  return best;
}

/**
 * What routing weighs of an item's text: the first draft's promises, which auto-approval would
 * send, and each option's, one of which a person chooses.
 */
export function promisesToRoute(
  draftText: string,
  options: readonly { draft: string }[],
  context: CommitmentContext = {},
): { commitments: Commitment[]; choices: Commitment[][] } {
  return {
    commitments: detectCommitments(draftText, context),
    choices: options.map((o) => detectCommitments(o.draft, context)),
  };
}
