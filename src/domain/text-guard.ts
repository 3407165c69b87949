import type { ProposedAction } from '../api/action-schemas';
import type { Commitment, CommitmentKind, Currency } from '../api/commitment-schemas';
import type { Handoff } from '../api/handoff-schemas';
import { describeAction } from './actions';
import { amountInUsd, conservativeUsdRates, formatMoney } from './money';
import { moneyIn, parseAmount } from './money-text';
import { detectCommitments } from './promises';

/*
 * The reply text checked against the proposed actions, failing closed. Authority is judged on
 * the actions; this guard makes sure the text promises nothing they leave out. It reads each
 * sentence after normalising the ways money is written ("$20k", "twenty thousand dollars",
 * "20 000 USD", full-width digits), and blocks approval, naming the sentence, when a sentence
 * promises a refund, credit or exception no action covers, promises more than the action, or
 * speaks of money it cannot read with certainty ("a few hundred dollars", "in full").
 * The same code runs in the checkpoint preview and on the server.
 */

export interface GuardFinding {
  /** The sentence as the reviewer wrote it. */
  sentence: string;
  /** Why it blocks approval, naming what to change. */
  message: string;
}

/** What the guard may take as known facts: amounts the customer or the AI's tools stated. */
export interface GuardContext {
  knownAmounts?: readonly number[];
}

/* ---------- sentences ---------- */

interface Sentence {
  text: string;
  normal: string;
}

/** Sentences end at . ! ? (ASCII or full-width) before a space or the end, and at line breaks. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?。！？]+(?=\s|$)|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    push(out, text.slice(start, end));
    start = end;
  }
  push(out, text.slice(start));
  return out;
}

function push(out: Sentence[], raw: string) {
  const text = raw.trim();
  if (text) out.push({ text, normal: normaliseMoney(text) });
}

/* ---------- normalising how amounts are written ---------- */

const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const scales: Record<string, number> = {
  hundred: 100,
  thousand: 1000,
  grand: 1000,
  k: 1000,
  million: 1_000_000,
  mil: 1_000_000,
  m: 1_000_000,
  billion: 1_000_000_000,
  bn: 1_000_000_000,
};

const numberWord = `(?:${[...Object.keys(units), 'hundred', 'thousand', 'million', 'billion'].join('|')})`;
/** A run of number words: "six hundred and forty-nine", "twenty thousand", "a thousand". */
const wordRun = new RegExp(
  `(?<![\\p{L}])${numberWord}(?:(?:[\\s-]+|\\s+and\\s+)${numberWord})*(?![\\p{L}])`,
  'giu',
);

/** The value of a run of number words, or null when it is not one number. */
function wordsValue(run: string): number | null {
  const words = run
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in units) {
      current += units[w]!;
      seen = true;
    } else if (w in scales) {
      const scale = scales[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

/** A number written with a scale: "20k", "20 K", "1.5m", "20 grand", "20 thousand". */
const scaled = /(\d+(?:[.,]\d+)?)\s?(k|m|mil|bn|grand|thousand|million|billion)(?![\p{L}])/giu;

/**
 * The sentence with every amount written out in digits: full-width forms folded (NFKC), thin
 * and non-breaking spaces made plain, digit groups joined ("20 000"), scales applied ("20k"),
 * number words read ("twenty thousand"), "bucks" read as dollars.
 */
export function normaliseMoney(text: string): string {
  let s = text.normalize('NFKC').replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ');
  s = s.replace(/[\u2018\u2019]/g, "'");
  // "20 000" and "20 000,00": digit groups separated by spaces.
  s = s.replace(/(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])/g, (m) => m.replace(/ /g, ''));
  s = s.replace(scaled, (_m, n: string, scale: string) => {
    const value = parseAmount(n.replace(',', '.')) ?? Number.NaN;
    const factor = scales[scale.toLowerCase()] ?? 1;
    return Number.isFinite(value) ? String(Math.round(value * factor * 100) / 100) : _m;
  });
  // "a thousand", "a hundred": the article is a one.
  s = s.replace(
    /(?<![\p{L}])an?\s+(hundred|thousand|million|billion|grand)(?![\p{L}])/giu,
    'one $1',
  );
  s = s.replace(wordRun, (run) => {
    // "one" alone is rarely an amount ("one-off", "one more thing").
    if (/^one$/i.test(run.trim())) return run;
    const value = wordsValue(run);
    return value === null ? run : String(value);
  });
  s = s.replace(/(?<![\p{L}])bucks(?![\p{L}])/giu, 'dollars');
  return s;
}

/* ---------- what a sentence says ---------- */

const money = (value: number, currency: Currency) => ({ value, currency });
type Money = ReturnType<typeof money>;

/** Any currency mark or word: counted, so one the reader could not pair with a number shows. */
const currencyMark =
  /US\$|\$|€|£|(?<![\p{L}])(?:usd|eur|gbp|dollars?|euros?|pounds?)(?![\p{L}])/giu;

/** Numbers with a unit that is not money: "3-5 business days", "14 items", "20%". */
const countedNumber =
  /^[\s-]?(?:-\s?\d+\s?)?(?:%|percent|(?:business|working)\s+days?|days?|hours?|minutes?|weeks?|months?|years?|items?|orders?|units?|pieces?|times?|am|pm)(?![\p{L}])/iu;

/** Numbers in the sentence that are neither part of an amount nor a count of something else. */
function bareNumbers(normal: string): number {
  const money = moneyIn(normal);
  let count = 0;
  for (const m of normal.matchAll(/(?<![\d.,#])\d+(?:[.,]\d+)*/g)) {
    const start = m.index;
    if (money.some((r) => start >= r.start && start < r.end)) continue;
    if (normal[start - 1] === '#' || /[:/]$/.test(normal.slice(0, start))) continue;
    if (countedNumber.test(normal.slice(start + m[0].length))) continue;
    count += 1;
  }
  return count;
}

function amountsIn(normal: string): Money[] {
  return moneyIn(normal).map((m) => money(m.value, m.currency));
}

/** Money the guard cannot put a number on. */
const vagueMoney = [
  /(?<![\p{L}])(?:a\s+few|several|a\s+couple(?:\s+of)?|some|many|hundreds\s+of|thousands\s+of|tens\s+of\s+thousands\s+of)\s+(?:hundred|thousand|million|grand|dollars?|euros?|pounds?)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:full|entire|whole|total)\s+(?:amount|price|cost|sum|value|purchase\s+price|order\s+(?:value|total|amount))(?![\p{L}])/iu,
  /(?<![\p{L}])(?:in\s+full|all\s+(?:of\s+)?your\s+money|every\s+(?:penny|cent)|whatever\s+you\s+paid|what\s+you\s+paid|(?:everything|all)\s+(?:that\s+)?you\s+(?:paid|spent))(?![\p{L}])/iu,
  /(?<![\p{L}])(?:full|complete|whole|entire)\s+refund(?![\p{L}])/iu,
];

/** Further ways to promise money back, beyond the reader's refund words. */
const refundWords =
  /(?<![\p{L}])(?:compensat\p{L}*|pay\s+you\s+back|paying\s+you\s+back|give\s+you\s+(?:your\s+money\s+)?back|return\s+(?:the|your)\s+(?:money|payment|funds)|cover\s+the\s+(?:full\s+)?cost|reverse\s+the\s+charge|charge\s*back)(?![\p{L}])/iu;
const refusal =
  /(?<![\p{L}])(?:no|not|never|cannot|can't|unable|won't|isn't|aren't|ineligible)(?![\p{L}])/iu;

const kindAction: Record<CommitmentKind, ProposedAction['type']> = {
  refund: 'refund',
  credit: 'store_credit',
  policy_exception: 'policy_exception',
};
const kindNoun: Record<CommitmentKind, string> = {
  refund: 'a refund',
  credit: 'a credit',
  policy_exception: 'an exception to policy',
};

interface Read {
  kinds: Set<CommitmentKind>;
  /** Amounts that belong to a promise in the sentence. */
  promised: { kind: CommitmentKind; m: Money }[];
  /** Every amount the sentence names. */
  amounts: Money[];
  /** Money words the reader could not pair with a number, or vague amounts. */
  uncertain: boolean;
  /** A money promise without a readable amount. */
  unpriced: boolean;
}

/** Speaking of a refund that already exists: "about your recent refund". */
const aboutExisting =
  /(?<![\p{L}])(?:about|regarding|concerning|on)\s+(?:your|the)\s+(?:recent\s+|earlier\s+|previous\s+|last\s+)?(?:refunds?|credits?)(?![\p{L}])/iu;

function read(normal: string): Read {
  const commitments = detectCommitments(normal);
  const kinds = new Set(commitments.map((c) => c.kind));
  if (aboutExisting.test(normal) && commitments.length === 1 && commitments[0]!.amount === null) {
    kinds.clear();
    commitments.length = 0;
  }
  if (refundWords.test(normal) && !refusal.test(normal)) kinds.add('refund');
  const amounts = amountsIn(normal);
  const promised = commitments.flatMap((c: Commitment) =>
    c.amount !== null && c.currency ? [{ kind: c.kind, m: money(c.amount, c.currency) }] : [],
  );
  const marks = [...normal.matchAll(currencyMark)].length;
  const uncertain =
    (amounts.length === 0 && vagueMoney.some((p) => p.test(normal))) ||
    bareNumbers(normal) > 0 ||
    marks > amounts.length ||
    // A number word left over next to money, e.g. a misspelt one.
    /(?<![\p{L}])(?:hundred|thousand|million|billion)(?![\p{L}])/iu.test(normal);
  const unpriced = commitments.some((c) => c.kind !== 'policy_exception' && c.amount === null);
  return { kinds, promised, amounts, uncertain, unpriced };
}

/* ---------- the check ---------- */

const usd = (m: Money) =>
  amountInUsd({ amount: m.value, currency: m.currency }, conservativeUsdRates)!;

function coverOf(actions: readonly ProposedAction[], type: ProposedAction['type']): number | null {
  let best: number | null = null;
  for (const a of actions) {
    if (a.type !== type) continue;
    const value = 'amount' in a ? usd(money(a.amount, a.currency)) : Number.POSITIVE_INFINITY;
    best = best === null ? value : Math.max(best, value);
  }
  return best;
}

const quote = (s: string) => `“${s.length > 140 ? `${s.slice(0, 137)}…` : s}”`;

/**
 * Every sentence that blocks approving `text` with these actions, in reading order; empty when
 * the text promises nothing the actions leave out.
 */
export function guardReply(
  text: string,
  actions: readonly ProposedAction[],
  context: GuardContext = {},
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  const known = new Set((context.knownAmounts ?? []).map((n) => Math.round(n * 100)));
  const moneyCover = Math.max(
    coverOf(actions, 'refund') ?? 0,
    coverOf(actions, 'store_credit') ?? 0,
  );
  const listed = actions.map(describeAction).join(', ') || 'none';
  /** A money promise whose amount may come in the next sentence. */
  let open: CommitmentKind | null = null;

  for (const sentence of sentencesOf(text)) {
    const r = read(sentence.normal);
    const block = (message: string) => findings.push({ sentence: sentence.text, message });
    const before = findings.length;

    for (const kind of r.kinds) {
      if (coverOf(actions, kindAction[kind]) === null) {
        block(
          `${quote(sentence.text)} promises ${kindNoun[kind]}, but no proposed action covers it (actions: ${listed}). Add the action or change the sentence.`,
        );
      }
    }
    for (const p of r.promised) {
      const cover = coverOf(actions, kindAction[p.kind]);
      if (cover !== null && usd(p.m) > cover + 0.005) {
        block(
          `${quote(sentence.text)} promises ${formatMoney(p.m.value, p.m.currency)}, more than the proposed ${describeAction(actions.find((a) => a.type === kindAction[p.kind])!)}.`,
        );
      }
    }
    const continues = open !== null && r.kinds.size === 0;
    const speaksOfMoney = r.kinds.size > 0 || continues;
    if (r.uncertain && speaksOfMoney && findings.length === before) {
      block(
        `${quote(sentence.text)} speaks of money in a way that cannot be read with certainty; state the exact amount (e.g. $20,000.00) so it can be checked against the actions.`,
      );
    }
    if (findings.length === before) {
      const promisedValues = new Set(r.promised.map((p) => p.m));
      for (const m of r.amounts) {
        if (promisedValues.has(m)) continue;
        const value = usd(m);
        const covered = value <= moneyCover + 0.005;
        // A figure the customer or the AI's tools stated is a fact being quoted, unless it
        // follows a promise without an amount ("We'll refund you. It comes to $20,000.").
        const quoted = known.has(Math.round(m.value * 100)) && !continues;
        if (!covered && !quoted) {
          block(
            `${quote(sentence.text)} names ${formatMoney(m.value, m.currency)}, which no proposed action covers (actions: ${listed}).`,
          );
          break;
        }
      }
    }
    if (r.kinds.has('refund') || r.kinds.has('credit')) {
      open = r.unpriced ? (r.kinds.has('refund') ? 'refund' : 'credit') : null;
    } else if (r.amounts.length > 0 || !continues) {
      open = null;
    }
  }
  return findings;
}

/**
 * What the text promises, as the ladder reads it, after normalising amounts: authority is
 * judged on the actions and on these, whichever is higher, so a reworded amount never passes.
 */
export function textCommitments(text: string): Commitment[] {
  return sentencesOf(text).flatMap((s) => detectCommitments(s.normal));
}

/** Every amount stated in these texts (the ticket, the AI's steps): facts a reply may quote. */
export function amountsStated(texts: readonly string[]): number[] {
  return texts.flatMap((t) =>
    sentencesOf(t).flatMap((s) => amountsIn(s.normal).map((m) => m.value)),
  );
}

/** The amounts the customer and the AI's tools stated on this item. */
export function amountsOnItem(h: {
  ticket: Pick<Handoff['ticket'], 'subject' | 'body' | 'followUps'>;
  context: Pick<Handoff['context'], 'steps'>;
}): number[] {
  return amountsStated([
    h.ticket.subject,
    h.ticket.body,
    ...(h.ticket.followUps ?? []).map((f) => f.body),
    ...h.context.steps.map((s) => s.summary),
  ]);
}
