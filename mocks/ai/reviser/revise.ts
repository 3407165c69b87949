import nlp from 'compromise';
import type { ProposedAction } from '../../../src/api/action-schemas';
import type { Ticket } from '../../../src/api/handoff-schemas';
import { actionsFromText, PLAIN_REPLY } from '../../../src/domain/actions';
import { formatMoney, roundCents } from '../../../src/domain/money';
import { guardReply } from '../../../src/domain/text-guard';
import { joinLetter, type LetterParts, splitLetter, withClosing } from '../../seed/letter-parts';
import { trackingNumberFor } from '../revise';
import { type Amount, type Offer, type OfferKind, readInstructions } from './instructions';

/*
 * The reference agent's answer to a redirect: the draft reworked sentence by sentence to
 * follow each instruction (replace, remove, add, change an amount, tone and length), its
 * proposed actions kept in step with the text, and a note that names what was done and every
 * instruction it could not follow. No model: deterministic rules over compromise's reading.
 */

export interface RevisionInput {
  text: string;
  actions: readonly ProposedAction[];
  instructions: string;
  ticket: Ticket;
  /** Amounts the customer or the AI's tools stated (the order's price, say). */
  knownAmounts?: readonly number[];
}

export interface Revision {
  text: string;
  actions: ProposedAction[];
  note: string;
}

/** A letter's body as paragraphs of sentences, so single sentences can go or be replaced. */
type Body = string[][];

const sentencesOf = (paragraph: string) =>
  (nlp(paragraph).sentences().out('array') as string[]).map((s) => s.trim()).filter(Boolean);

const actionKind: Record<OfferKind, ProposedAction['type']> = {
  refund: 'refund',
  store_credit: 'store_credit',
  discount: 'store_credit',
  replacement: 'replacement',
  free_shipping: 'policy_exception',
};

/** How the text speaks of each kind, for finding its sentences. */
const kindWords: Record<OfferKind, string> = {
  refund: '(refund|refunded|refunds|reimburse|reimbursed)',
  store_credit: '(credit|credited|voucher)',
  discount: '(discount|coupon|code)',
  replacement: '(replacement|replace|reship|resend)',
  free_shipping: '(free|express) (shipping|delivery)',
};

const filler = new Set([
  'sentence',
  'part',
  'bit',
  'line',
  'paragraph',
  'thing',
  'stuff',
  'mention',
  'mentions',
  'reference',
  'about',
]);

/** The content words of a phrase, as roots: what a sentence about it shares with it. */
function contentWords(phrase: string): string[] {
  const doc = nlp(phrase);
  doc.compute('root');
  const terms = doc.match('(#Noun|#Adjective|#Verb)').not('(#Pronoun|#Auxiliary|#Copula)');
  const roots = (terms.json() as { terms: { root?: string; normal: string }[] }[]).flatMap((t) =>
    t.terms.map((x) => x.root ?? x.normal),
  );
  return [...new Set(roots.filter((r) => r.length > 2 && !filler.has(r)))];
}

function rootsOf(sentence: string): Set<string> {
  const doc = nlp(sentence);
  doc.compute('root');
  return new Set(
    (doc.json() as { terms: { root?: string; normal: string }[] }[]).flatMap((t) =>
      t.terms.map((x) => x.root ?? x.normal),
    ),
  );
}

export function reviseWithInstructions(input: RevisionInput): Revision {
  const letter = splitLetter(input.text);
  const body: Body = letter.body.map(sentencesOf);
  let actions: ProposedAction[] = input.actions.filter((a) => a.type !== 'reply');
  if (actions.length === 0 && input.actions.length === 0) {
    actions = actionsFromText(input.text, input.knownAmounts).filter((a) => a.type !== 'reply');
  }
  const orderValue = Math.max(
    0,
    ...(input.knownAmounts ?? []),
    ...actions.flatMap((a) => ('amount' in a ? [a.amount] : [])),
  );
  const done: string[] = [];
  const notDone: string[] = [];
  const intents = readInstructions(input.instructions);
  if (intents.length === 0) notDone.push('the instructions were empty');

  /** Sentences that speak of this offer kind or topic, with where they are. */
  const find = (what: Offer | string): [number, number][] => {
    const hits: [number, number][] = [];
    if (typeof what !== 'string') {
      body.forEach((p, i) => {
        p.forEach((s, j) => {
          if (nlp(s).has(kindWords[what.kind])) hits.push([i, j]);
        });
      });
      return hits;
    }
    const words = contentWords(what);
    if (words.length === 0) return hits;
    let best = 0;
    body.forEach((p, i) => {
      p.forEach((s, j) => {
        const roots = rootsOf(s);
        const score = words.filter((w) => roots.has(w)).length;
        if (score === 0 || score < best) return;
        if (score > best) hits.length = 0;
        best = score;
        hits.push([i, j]);
      });
    });
    return hits;
  };
  /** Takes the sentences out; answers where the first one was. */
  const cut = (hits: [number, number][]): [number, number] | null => {
    for (const [i, j] of [...hits].reverse()) body[i]!.splice(j, 1);
    return hits[0] ?? null;
  };
  const dropActions = (what: Offer | string) => {
    if (typeof what === 'string') return;
    const type = actionKind[what.kind];
    actions = actions.filter((a) => a.type !== type);
  };
  const place = (sentence: string, at: [number, number] | null) => {
    if (at && body[at[0]]) body[at[0]]!.splice(at[1], 0, sentence);
    else body.push([sentence]);
  };
  const offer = (o: Offer, at: [number, number] | null, clause: string) => {
    const made = offerOf(o, { orderValue, ticket: input.ticket, actions });
    if (!made) {
      notDone.push(`“${clause}”: no amount was given and the order's value is unknown`);
      return;
    }
    actions = [...actions.filter((a) => !sameKind(a, made.action)), made.action];
    place(made.sentence, at);
    return made;
  };

  for (const intent of intents) {
    switch (intent.type) {
      case 'replace': {
        const hits = find(intent.remove);
        if (hits.length === 0 && typeof intent.remove === 'string') {
          notDone.push(`“${intent.clause}”: the draft says nothing about ${intent.remove}`);
          break;
        }
        const at = cut(hits);
        dropActions(intent.remove);
        if (typeof intent.add === 'string') {
          place(toCustomer(intent.add), at);
          done.push(`replaced ${label(intent.remove)} with “${intent.add}”`);
        } else if (offer(intent.add, at, intent.clause)) {
          done.push(`replaced ${label(intent.remove)} with ${label(intent.add)}`);
        }
        break;
      }
      case 'remove': {
        const hits = find(intent.what);
        const hadAction =
          typeof intent.what !== 'string' &&
          actions.some((a) => a.type === actionKind[(intent.what as Offer).kind]);
        if (hits.length === 0 && !hadAction) {
          notDone.push(`“${intent.clause}”: the draft does not mention ${label(intent.what)}`);
          break;
        }
        cut(hits);
        dropActions(intent.what);
        done.push(`removed ${label(intent.what)}`);
        break;
      }
      case 'amount': {
        const target =
          actions.find((a) => intent.kind && a.type === actionKind[intent.kind]) ??
          (intent.kind === null ? actions.find((a) => 'amount' in a) : undefined);
        if (!target || !('amount' in target)) {
          if (intent.kind) {
            if (offer({ kind: intent.kind, amount: intent.amount }, null, intent.clause))
              done.push(`offered ${label({ kind: intent.kind, amount: intent.amount })}`);
          } else {
            notDone.push(`“${intent.clause}”: the draft offers no amount to change`);
          }
          break;
        }
        const value = amountOf(intent.amount, orderValue);
        if (value === null) {
          notDone.push(`“${intent.clause}”: the order's value is unknown`);
          break;
        }
        const next = { ...target, amount: value };
        actions = actions.map((a) => (a === target ? next : a));
        const kind: OfferKind = target.type === 'refund' ? 'refund' : 'store_credit';
        for (const [i, j] of find({ kind, amount: null })) {
          body[i]![j] = withAmount(body[i]![j]!, formatMoney(value, target.currency));
        }
        done.push(
          `changed the ${kind === 'refund' ? 'refund' : 'credit'} to ${formatMoney(value, target.currency)}`,
        );
        break;
      }
      case 'offer':
        if (offer(intent.offer, null, intent.clause)) done.push(`offered ${label(intent.offer)}`);
        break;
      case 'add':
        place(sentenceFrom(intent.sentence), null);
        done.push(`added “${intent.sentence}”`);
        break;
      case 'apologise': {
        const sentence = `Please accept our apologies${intent.reason ? ` for ${toCustomer(intent.reason)}` : ' for the trouble this has caused'}.`;
        if (body.length === 0) body.push([]);
        const first = body[0]!;
        // A bare "I'm sorry." gives way to the apology the reviewer asked for.
        if (/^I(’|'| a)m sorry[.!]?$/i.test(first[0] ?? '')) first.shift();
        if (!body.flat().includes(sentence)) first.unshift(sentence);
        done.push('apologised');
        break;
      }
      case 'shorter': {
        const before = body.flat().length;
        shorten(body);
        if (body.flat().length < before) done.push('made it shorter');
        else notDone.push(`“${intent.clause}”: the draft is already as short as it can be`);
        break;
      }
      case 'formal':
        formal(letter, body, input.ticket);
        done.push('made it more formal');
        break;
      case 'friendly':
        friendly(letter, body);
        done.push('made it warmer');
        break;
      case 'tracking':
        place(trackingLine(input.ticket), null);
        done.push('added the tracking status');
        break;
      case 'context':
        done.push(`read “${intent.clause}” as context`);
        break;
      case 'unknown':
        notDone.push(`“${intent.clause}”: not an instruction the AI knows how to follow`);
        break;
    }
  }

  const text = joinLetter({ ...letter, body: body.map((p) => p.join(' ')).filter(Boolean) });
  const finalActions = actions.length > 0 ? actions : [PLAIN_REPLY];
  const findings = guardReply(text, finalActions, { knownAmounts: input.knownAmounts });
  for (const f of findings) notDone.push(`the text guard still flags: ${f.message}`);
  return { text, actions: finalActions, note: noteOf(input.instructions, done, notDone) };
}

function noteOf(instructions: string, done: string[], notDone: string[]): string {
  const parts = [`Redirected: “${instructions.trim().replace(/[.!\s]+$/, '')}”.`];
  if (done.length > 0) parts.push(`Done: ${done.join('; ')}.`);
  if (notDone.length > 0) parts.push(`Not done: ${notDone.join('; ')}.`);
  return parts.join(' ').slice(0, 2000);
}

const sameKind = (a: ProposedAction, b: ProposedAction) => a.type === b.type;

function label(what: Offer | string): string {
  if (typeof what === 'string') return `“${what}”`;
  const names: Record<OfferKind, string> = {
    refund: 'the refund',
    store_credit: 'store credit',
    discount: 'a discount',
    replacement: 'a replacement',
    free_shipping: 'free shipping',
  };
  if (!what.amount) return names[what.kind];
  const amount =
    'percent' in what.amount ? `${what.amount.percent}%` : formatMoney(what.amount.money);
  return `${names[what.kind]} of ${amount}`;
}

function amountOf(amount: Amount, orderValue: number): number | null {
  if ('money' in amount) return roundCents(amount.money);
  return orderValue > 0 ? roundCents((orderValue * amount.percent) / 100) : null;
}

interface OfferContext {
  orderValue: number;
  ticket: Ticket;
  actions: readonly ProposedAction[];
}

/** The sentence that makes an offer to the customer, and the action that carries it out. */
function offerOf(
  o: Offer,
  { orderValue, ticket, actions }: OfferContext,
): { sentence: string; action: ProposedAction } | null {
  const share = o.amount && 'percent' in o.amount ? `${o.amount.percent}%` : null;
  const value = o.amount ? amountOf(o.amount, orderValue) : orderValue > 0 ? orderValue : null;
  switch (o.kind) {
    case 'refund': {
      if (value === null) return null;
      const money = formatMoney(value);
      return {
        sentence: `I've issued a refund of ${money} to your original payment method; you'll see it within 3-5 business days.`,
        action: { type: 'refund', amount: value, currency: 'USD' },
      };
    }
    case 'store_credit':
    case 'discount': {
      if (value === null || (o.kind === 'discount' && !o.amount)) return null;
      const money = formatMoney(value);
      const what =
        o.kind === 'discount'
          ? `a ${share ? `${share} discount (${money})` : `${money} discount`}`
          : `a credit of ${money}`;
      return {
        sentence: `As an apology, I've added ${what} to your account as store credit, ready for your next order.`,
        action: { type: 'store_credit', amount: value, currency: 'USD' },
      };
    }
    case 'replacement': {
      const existing = actions.find((a) => a.type === 'replacement');
      const item = existing?.type === 'replacement' ? existing.item : itemOf(ticket);
      return {
        sentence: `I've arranged a replacement by express shipping; I'll email you the tracking number as soon as it's scanned.`,
        action: { type: 'replacement', item },
      };
    }
    case 'free_shipping':
      return {
        sentence: 'Your next order ships free of charge, by express delivery.',
        action: {
          type: 'policy_exception',
          description: 'Free express shipping on the next order',
        },
      };
  }
}

const itemOf = (ticket: Ticket) => `The order in ticket #${ticket.number}`;

function withAmount(sentence: string, money: string): string {
  const doc = nlp(sentence);
  const amounts = doc.money().out('array') as string[];
  if (amounts.length === 0) return sentence;
  let out = sentence;
  for (const a of amounts) out = out.replace(a, money);
  return out;
}

function sentenceFrom(phrase: string): string {
  const text = toCustomer(phrase.trim().replace(/[.!\s]+$/, ''));
  return `Please note: ${text}.`;
}

function toCustomer(text: string): string {
  return text
    .replace(/\b(the customer's|their)\b/gi, 'your')
    .replace(/\b(the customer|them|they)\b/gi, 'you');
}

const offersSomething = (sentence: string) =>
  Object.values(kindWords).some((words) => nlp(sentence).has(words));

/**
 * Each paragraph keeps its first sentence and any that offers something (a shorter reply
 * must not drop what the actions do); when that changes nothing, the middle paragraphs that
 * offer nothing go.
 */
function shorten(body: Body) {
  const before = body.flat().length;
  for (const p of body) {
    const kept = p.filter((s, j) => j === 0 || offersSomething(s));
    p.splice(0, p.length, ...kept);
  }
  if (body.flat().length < before || body.length <= 2) return;
  const middle = body.slice(1, -1).filter((p) => p.some(offersSomething));
  body.splice(1, body.length - 2, ...middle);
}

function formal(letter: LetterParts, body: Body, ticket: Ticket) {
  if (letter.greeting !== null) letter.greeting = `Dear ${ticket.customer.name},`;
  letter.signOff = withClosing(letter.signOff, 'Yours sincerely,');
  for (const p of body) {
    for (let j = 0; j < p.length; j++) p[j] = expandContractions(p[j]!);
  }
}

/** "I've" → "I have", "hasn't" → "has not"; a range such as "3-5" is left as written. */
function expandContractions(sentence: string): string {
  let out = sentence;
  for (const c of nlp(sentence).contractions().out('array') as string[]) {
    if (/\d/.test(c)) continue;
    const doc = nlp(c);
    doc.contractions().expand();
    out = out.replace(c, doc.text());
  }
  return out;
}

const warmOpener =
  'Thanks so much for getting in touch, and for bearing with us while we sorted this out.';

function friendly(letter: LetterParts, body: Body) {
  letter.signOff = withClosing(letter.signOff, 'Warm wishes,');
  if (!body.flat().includes(warmOpener)) body.unshift([warmOpener]);
}

function trackingLine(ticket: Ticket): string {
  if (ticket.category === 'shipping') {
    const number = trackingNumberFor(ticket);
    return `Your parcel's tracking number is ${number}; you can follow every scan at lumen.example/track/${number}.`;
  }
  return `You can follow the status of case #${ticket.number} at any time at lumen.example/support/${ticket.number}.`;
}
