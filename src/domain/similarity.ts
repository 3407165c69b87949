import type { Currency } from '../api/commitment-schemas';
import type { Category, FlagRule, Handoff } from '../api/handoff-schemas';
import { optionsInForce } from './options';
import { detectCommitments } from './promises';

/*
 * Which queue items are alike enough to decide together. Items are alike when they share the
 * category, the set of flags, the kind of proposed action, and a draft written from the same
 * template or nearly the same text.
 *
 * The text measure is the Jaccard similarity of word 3-shingles of the normalized draft,
 * estimated by MinHash. Normalizing masks what a template fills in (the greeting's name,
 * numbers, amounts, order and trace references), so two drafts from one template become the
 * same text and score 1; shingles of three words keep word order, so a sentence added or
 * changed lowers the score in proportion to how much changed, and a different reply that
 * happens to use the same words does not match. MinHash turns each draft into a fixed
 * signature of SIGNATURE_SIZE numbers, computed once per item version, and banding the
 * signature (locality-sensitive hashing) finds the candidates in one pass, so grouping the
 * whole queue costs a few map look-ups per item rather than comparing every pair. Two drafts
 * join when the estimated Jaccard is at least SIMILAR_TEXT (0.7): template siblings score 1,
 * and a draft with one sentence rewritten still joins its template.
 */

export const SIGNATURE_SIZE = 16;
const BANDS = 4;
const ROWS = SIGNATURE_SIZE / BANDS;
/** The least estimated Jaccard similarity of two drafts in one group. */
export const SIMILAR_TEXT = 0.7;

/** What an item proposes to do, as far as it can be read from what it carries today. */
export type ProposedActionKind =
  | 'refund'
  | 'credit'
  | 'policy_exception'
  | 'choose_option'
  | 'reply'
  | 'no_draft';

export interface ProposedAction {
  kind: ProposedActionKind;
  /** The promised amount for refunds and credits, when the draft names one. */
  amount: number | null;
  currency: Currency | null;
}

/** The draft reply a batch approval would send: the AI's latest draft. */
export const draftOf = (h: Handoff) => h.drafts.at(-1)?.text ?? '';

/**
 * The proposed action, read from the draft: the first money promise (refund, credit or
 * exception) with its amount; several options to choose from; otherwise a plain reply.
 */
export function proposedActionOf(h: Handoff): ProposedAction {
  if (optionsInForce(h).length > 1) return { kind: 'choose_option', amount: null, currency: null };
  const text = draftOf(h);
  if (!text.trim()) return { kind: 'no_draft', amount: null, currency: null };
  const first = detectCommitments(text)[0];
  if (first) return { kind: first.kind, amount: first.amount, currency: first.currency };
  return { kind: 'reply', amount: null, currency: null };
}

/** The draft's words with what a template fills in masked: the text the template itself wrote. */
export function normalizeDraft(text: string): string[] {
  return (
    text
      // The greeting names the customer: "Hi Owen," / "Dear Ms Rossi,".
      .replace(/^\s*(hi|hello|dear|hey|hola|bonjour|hallo)\b[^,\n]*,?/i, '$1 <name>,')
      .toLowerCase()
      // Amounts, references (#71343, TR-921345) and plain numbers.
      .replace(/[$€£]\s?\d[\d,.]*/g, ' <amount> ')
      .replace(/\b[a-z]*[-#]?\d[\w-]*/g, ' <n> ')
      .replace(/#\s?<n>/g, ' <n> ')
      .split(/[^\p{L}\p{N}<>]+/u)
      .filter(Boolean)
  );
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One fixed odd multiplier and offset per signature position: the MinHash permutations. */
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => ({
  a: (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  b: Math.imul(i + 7, 0x85ebca6b) >>> 0,
}));

/** The MinHash signature of the draft's word 3-shingles (shorter drafts: their words). */
export function draftSignature(text: string): number[] {
  const words = normalizeDraft(text);
  const shingles = new Set<number>();
  if (words.length < 3) for (const w of words) shingles.add(fnv1a(w));
  for (let i = 0; i + 3 <= words.length; i++) {
    shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  }
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const { a, b } = SEEDS[k]!;
      // A cheap mix of the shingle under permutation k; the minimum over shingles is the hash.
      let x = (Math.imul(s ^ b, a) + b) >>> 0;
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
      x = (x ^ (x >>> 12)) >>> 0;
      if (x < signature[k]!) signature[k] = x;
    }
  }
  return signature;
}

/** The share of signature positions two drafts agree on: an estimate of their Jaccard similarity. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same += 1;
  return same / SIGNATURE_SIZE;
}

/** What grouping reads of one item; the signature is computed once per item version. */
export interface Groupable {
  id: string;
  category: Category;
  flags: readonly FlagRule[];
  action: ProposedAction;
  signature: readonly number[];
}

export function groupableOf(h: Handoff): Groupable {
  return {
    id: h.id,
    category: h.ticket.category,
    flags: h.context.flags.map((f) => f.rule),
    action: proposedActionOf(h),
    signature: draftSignature(draftOf(h)),
  };
}

export interface SimilarGroup {
  /** The ids in the group, in the order the items were given. */
  ids: string[];
  category: Category;
  flags: FlagRule[];
  action: ProposedActionKind;
  /** The least estimated draft similarity of a member to the group's first item. */
  similarity: number;
}

/**
 * Groups the items that are alike (see the top of this file), largest group first; items with
 * nothing alike are left out unless `minSize` is 1. Linear in the number of items.
 *
 * `consulted`, when given, receives the ids of the items some later item was compared with
 * (a bucket's first item). Every other item only ever joined a group or stayed alone, and no
 * one else's grouping depended on it: taking it out of the items gives the same groups with
 * just that item removed, which lets an index follow a decision without regrouping.
 */
export function groupSimilar(
  items: readonly Groupable[],
  { minSize = 2, consulted }: { minSize?: number; consulted?: Set<string> } = {},
): SimilarGroup[] {
  const n = items.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };

  // The exact part of the likeness picks the item's class; each class has buckets of its own,
  // so items of different classes never meet and a class groups alike however the rest is
  // made up (which lets an index regroup only the classes a write touched).
  const classes = new Map<string, Map<number, number>>();

  // Each band of the signature is a bucket; items sharing a bucket are candidates, confirmed
  // against the bucket's first item (which keeps a group from drifting through a chain).
  for (let i = 0; i < n; i++) {
    const key = classOf(items[i]!);
    let buckets = classes.get(key);
    if (!buckets) {
      buckets = new Map();
      classes.set(key, buckets);
    }
    const sig = items[i]!.signature;
    const bands = bandsOf(sig);
    for (let band = 0; band < BANDS; band++) {
      const h = bands[band]!;
      const first = buckets.get(h);
      if (first === undefined) {
        buckets.set(h, i);
        continue;
      }
      consulted?.add(items[first]!.id);
      const score = estimatedJaccard(items[first]!.signature, sig);
      if (score < SIMILAR_TEXT) continue;
      const a = find(first);
      const b = find(i);
      if (a !== b) parent[b] = a;
      break;
    }
  }

  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const groups: SimilarGroup[] = [];
  for (const list of members.values()) {
    if (list.length < minSize) continue;
    const first = items[list[0]!]!;
    let least = 1;
    for (const i of list) {
      least = Math.min(least, estimatedJaccard(first.signature, items[i]!.signature));
    }
    groups.push({
      ids: list.map((i) => items[i]!.id),
      category: first.category,
      flags: [...first.flags].sort(),
      action: first.action.kind,
      similarity: least,
    });
  }
  return groups.sort(largestFirst);
}

/** Largest group first; equal sizes by their first member's id. */
export const largestFirst = (a: SimilarGroup, b: SimilarGroup) =>
  b.ids.length - a.ids.length || (a.ids[0]! < b.ids[0]! ? -1 : 1);

/**
 * The exact part of the likeness: category, flags and kind of proposed action. Items of two
 * classes are never alike, so each class is grouped on its own.
 */
export function classOf(it: Groupable): string {
  let key = classes.get(it);
  if (key === undefined) {
    const flags = it.flags.length <= 1 ? it.flags.join() : [...it.flags].sort().join();
    key = `${it.category}|${flags}|${it.action.kind}`;
    classes.set(it, key);
  }
  return key;
}

// Both are read once per item version (a Groupable is made per version) and regrouping a
// class after a write reads them for every member again.
const classes = new WeakMap<Groupable, string>();
const bands = new WeakMap<readonly number[], Int32Array>();

/** The signature's bands, each hashed to the bucket it falls in. */
function bandsOf(sig: readonly number[]): Int32Array {
  let out = bands.get(sig);
  if (!out) {
    out = new Int32Array(BANDS);
    for (let band = 0; band < BANDS; band++) {
      let h = band;
      for (let r = band * ROWS; r < band * ROWS + ROWS; r++) {
        h = Math.imul(h ^ sig[r]!, 0x01000193);
      }
      out[band] = h;
    }
    bands.set(sig, out);
  }
  return out;
}

/** What differs between a group's members: the amounts they promise (none when they agree). */
export function amountRange(
  actions: readonly ProposedAction[],
): { min: number; max: number; currency: Currency | null } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let currency: Currency | null = null;
  for (const a of actions) {
    if (a.amount === null) continue;
    min = Math.min(min, a.amount);
    max = Math.max(max, a.amount);
    currency ??= a.currency;
  }
  return min === Number.POSITIVE_INFINITY ? null : { min, max, currency };
}
