import nlp from 'compromise';

/*
 * A reviewer's note to the AI, read into the edits it asks for. compromise tags the words
 * (verbs, values, money, percentages), so a clause is recognised by its shape ("X instead of
 * Y", "don't mention X", "change the refund to $300") rather than by spelling; every clause
 * that matches no shape is kept as `unknown`, so the note can say it was not followed.
 */

/** What a reviewer may offer the customer in place of (or besides) what the draft offers. */
export type OfferKind = 'refund' | 'store_credit' | 'discount' | 'replacement' | 'free_shipping';

/** An amount as the reviewer wrote it: money, or a share of the order. */
export type Amount = { money: number } | { percent: number };

export interface Offer {
  kind: OfferKind;
  amount: Amount | null;
}

export type Intent =
  | { type: 'replace'; clause: string; add: Offer | string; remove: Offer | string }
  | { type: 'remove'; clause: string; what: Offer | string }
  | { type: 'amount'; clause: string; kind: OfferKind | null; amount: Amount }
  | { type: 'offer'; clause: string; offer: Offer }
  | { type: 'add'; clause: string; sentence: string }
  | { type: 'apologise'; clause: string; reason: string | null }
  | { type: 'shorter' | 'formal' | 'friendly' | 'tracking'; clause: string }
  | { type: 'context'; clause: string }
  | { type: 'unknown'; clause: string };

type Doc = ReturnType<typeof nlp>;

/** Words that name each kind of offer, as compromise matches them. */
const offerWords: [OfferKind, string][] = [
  ['free_shipping', '(free|express|expedited) (shipping|delivery)'],
  ['store_credit', '(store|account)? (credit|voucher|gift card)'],
  ['discount', '(discount|coupon|promo code|#Percent off)'],
  ['refund', '(refund|refunds|refunded|reimbursement|money back)'],
  ['replacement', '(replacement|new one|reship|resend|replace it)'],
];

export function offerKindIn(text: string): OfferKind | null {
  const doc = nlp(text);
  for (const [kind, words] of offerWords) if (doc.has(words)) return kind;
  return null;
}

export function amountIn(text: string): Amount | null {
  const doc = nlp(text);
  const percent = doc.percentages().json()[0] as { number?: { num?: number } } | undefined;
  if (percent?.number?.num !== undefined) return { percent: percent.number.num };
  const money = doc.money().json()[0] as { money?: { num?: number } } | undefined;
  if (money?.money?.num !== undefined) return { money: money.money.num };
  const words = doc.match('#Value+ (dollars|usd|bucks)');
  if (words.found) {
    const value = ([] as unknown[]).concat(nlp(words.text()).numbers().get())[0];
    if (typeof value === 'number') return { money: value };
  }
  return null;
}

/** An offer when the phrase names one, else the phrase itself (a topic of the draft). */
function offerOr(phrase: string): Offer | string {
  const kind = offerKindIn(phrase);
  return kind ? { kind, amount: amountIn(phrase) } : phrase.trim();
}

/** Splits the note into clauses: sentences, then at commas and at "and" before a new verb. */
export function clausesOf(instructions: string): string[] {
  const out: string[] = [];
  for (const sentence of nlp(instructions).sentences().out('array') as string[]) {
    for (const piece of sentence.split(/[,;]\s*/)) {
      const parts = nlp(piece)
        .splitBefore('(and|but|then|also) (#Adverb|please)? #Verb')
        .out('array') as string[];
      for (const part of parts) {
        const clause = part
          .replace(/^(and|but|then|also)\s+/i, '')
          .replace(/^(please|kindly)\s+/i, '')
          .replace(/^(can|could|would) you\s+(please\s+)?/i, '')
          .replace(/[.!?\s]+$/, '')
          .trim();
        if (clause) out.push(clause);
      }
    }
  }
  return out;
}

function group(doc: Doc, pattern: string, ...names: string[]): string[] | null {
  const m = doc.match(pattern);
  if (!m.found) return null;
  const values = names.map(
    (n) => (m.groups(n) as { text(): string } | undefined)?.text().trim() ?? '',
  );
  return values.every((v) => v !== '') ? values : null;
}

export function readClause(clause: string): Intent[] {
  const one = readOne(clause);
  if (one.type !== 'shorter' && one.type !== 'formal' && one.type !== 'friendly') return [one];
  // "shorter and more formal" is one clause with several tones.
  const doc = nlp(clause);
  const tones: Intent[] = [];
  if (doc.has(shorterWords)) tones.push({ type: 'shorter', clause });
  if (doc.has(formalWords)) tones.push({ type: 'formal', clause });
  if (doc.has(friendlyWords)) tones.push({ type: 'friendly', clause });
  return tones;
}

const avoidWords = '(mention|say|bring|talk|promise|offer|include|refer|discuss)';
const shorterWords = '(shorter|short|concise|brief|briefer|trim|tighten|shorten|shorter)';
const formalWords = '(formal|professional|polite)';
const friendlyWords = '(friendlier|friendly|warmer|warm|kinder|casual|empathetic|empathy)';

function readOne(clause: string): Intent {
  const doc = nlp(clause);
  const swap =
    group(doc, '^[<add>.+] instead of [<rem>.+]$', 'add', 'rem') ??
    group(doc, '^[<add>.+] rather than [<rem>.+]$', 'add', 'rem') ??
    group(doc, '^[<add>.+] in place of [<rem>.+]$', 'add', 'rem') ??
    group(doc, '^(replace|swap|substitute) [<rem>.+] (with|for|by) [<add>.+]$', 'rem', 'add') ??
    group(doc, '^not [<rem>.+] but [<add>.+]$', 'rem', 'add');
  if (swap) {
    const [add, rem] = doc.has('^(replace|swap|substitute|not)') ? [swap[1], swap[0]] : swap;
    return {
      type: 'replace',
      clause,
      add: offerOr(stripVerb(add as string)),
      remove: offerOr(rem as string),
    };
  }

  const removed =
    group(doc, `^do not ${avoidWords} (up|about|to)? [<t>.+]$`, 't') ??
    group(doc, `^never ${avoidWords} (up|about|to)? [<t>.+]$`, 't') ??
    group(doc, '^(remove|drop|delete|omit|skip|lose) [<t>.+]$', 't') ??
    group(doc, '^(leave|take|cut) [<t>.+] out$', 't') ??
    group(doc, '^(leave|take|cut) out [<t>.+]$', 't') ??
    group(doc, '^no (more)? [<t>.+]$', 't');
  if (removed) return { type: 'remove', clause, what: offerOr(removed[0] as string) };

  const amount = amountIn(clause);
  if (
    amount &&
    doc.has('^(change|make|set|lower|reduce|raise|increase|cap|adjust|limit|bring) .+ (to|at)')
  ) {
    return { type: 'amount', clause, kind: offerKindIn(clause), amount };
  }

  if (doc.has('(apologise|apologize|apologies|apology|sorry)')) {
    const reason = group(doc, '(apologise|apologize|apology|apologies|sorry) for [<r>.+]$', 'r');
    return { type: 'apologise', clause, reason: reason?.[0] ?? null };
  }
  if (doc.has(shorterWords)) return { type: 'shorter', clause };
  if (doc.has(formalWords)) return { type: 'formal', clause };
  if (doc.has(friendlyWords)) return { type: 'friendly', clause };
  if (doc.has('(tracking|track|status)')) return { type: 'tracking', clause };

  const kind = offerKindIn(clause);
  if (kind && doc.has('^(offer|give|issue|provide|add|include|propose|send|grant|apply)')) {
    return { type: 'offer', clause, offer: { kind, amount } };
  }
  if (kind && amount) return { type: 'amount', clause, kind, amount };

  const said =
    group(doc, '^(add|mention|say|explain|note|include|stress) (out)? (that)? [<s>.+]$', 's') ??
    group(doc, '^(tell|remind|assure|inform) (them|#Determiner? customer) (that)? [<s>.+]$', 's') ??
    group(doc, '^let (them|#Determiner? customer) know (that)? [<s>.+]$', 's') ??
    group(doc, '^point out (that)? [<s>.+]$', 's');
  if (said) return { type: 'add', clause, sentence: said[0] as string };
  // "she is a loyal customer": a statement, not an order; it explains the others.
  if (doc.has('^#Pronoun #Copula') || doc.has('^(#Determiner|#Pronoun)? #Noun+ #Copula'))
    return { type: 'context', clause };
  return { type: 'unknown', clause };
}

const stripVerb = (phrase: string) =>
  phrase.replace(/^(offer|give|issue|provide|propose|send|grant|use|go with)\s+/i, '');

export function readInstructions(instructions: string): Intent[] {
  return clausesOf(instructions).flatMap(readClause);
}
