import type { EvidenceSpan } from '../api/handoff-schemas';

export interface KeywordHit {
  /** The keyword as the policy spells it, so the message matches what a lead configured. */
  keyword: string;
  span: EvidenceSpan;
}

export interface SearchableText {
  subject: string;
  body: string;
}

/*
 * Whole words only: "sue" must not fire on "issue" or "sued", or reviewers learn to ignore
 * the hard stop. A letter, digit or underscore on either side disqualifies a match.
 */
const before = '(?<![\\p{L}\\p{N}_])';
const after = '(?![\\p{L}\\p{N}_])';

// Compiled once per keyword: the seeded world evaluates the same few keywords 100k times.
const compiled = new Map<string, RegExp>();

function patternFor(keyword: string): RegExp {
  let pattern = compiled.get(keyword);
  if (!pattern) {
    const words = keyword.trim().split(/\s+/).map(escapeRegExp);
    // A phrase still matches when the customer wraps a line or types two spaces.
    pattern = new RegExp(`${before}${words.join('\\s+')}${after}`, 'giu');
    remember(compiled, keyword, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

// One alternation per keyword list answers the common question, "any keyword at all?", in a
// single pass; most tickets mention none, so the per-keyword scan rarely runs.
const screens = new Map<string, RegExp>();

function screenFor(keywords: readonly string[]): RegExp {
  const key = keywords.join('\u0000');
  let screen = screens.get(key);
  if (!screen) {
    const alternatives = keywords
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k) => k.split(/\s+/).map(escapeRegExp).join('\\s+'));
    // With no usable keyword, a pattern that never matches.
    const body = alternatives.length > 0 ? alternatives.join('|') : '(?!)';
    screen = new RegExp(`${before}(?:${body})${after}`, 'iu');
    remember(screens, key, screen);
  }
  return screen;
}

/** Policies change rarely, but a long-lived demo tab should not grow a cache forever. */
function remember(cache: Map<string, RegExp>, key: string, pattern: RegExp): void {
  if (cache.size >= 200) cache.clear();
  cache.set(key, pattern);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every occurrence of every keyword, subject before body, each in reading order. The regex
 * runs on the original text (not a lowercased copy) so offsets stay exact even where case
 * folding would change a string's length.
 */
export function findKeywordHits(text: SearchableText, keywords: readonly string[]): KeywordHit[] {
  const screen = screenFor(keywords);
  if (!screen.test(text.subject) && !screen.test(text.body)) return [];
  const hits: KeywordHit[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const key = keyword.trim().toLowerCase();
    // An empty keyword would match everywhere; a repeated one would double the evidence.
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    for (const field of ['subject', 'body'] as const) {
      const pattern = patternFor(keyword);
      for (let m = pattern.exec(text[field]); m; m = pattern.exec(text[field])) {
        hits.push({
          keyword: keyword.trim(),
          span: { field, start: m.index, end: m.index + m[0].length },
        });
      }
    }
  }
  return hits.sort(compareHits);
}

function compareHits(a: KeywordHit, b: KeywordHit): number {
  if (a.span.field !== b.span.field) return a.span.field === 'subject' ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end;
}
