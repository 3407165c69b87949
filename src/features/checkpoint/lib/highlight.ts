import type { EvidenceSpan, Flag, FlagRule } from '../../../api/handoff-schemas';

export interface Segment {
  text: string;
  /** The rules whose evidence covers this segment; empty for plain text. */
  rules: FlagRule[];
}

/**
 * Splits a ticket field into plain and flagged segments from the flags' evidence spans.
 * Overlapping or touching spans merge; spans outside the text are clamped or dropped, so a
 * backend that sends a bad offset degrades to less highlighting, never to a crash.
 */
export function highlightSegments(
  text: string,
  field: EvidenceSpan['field'],
  flags: readonly Flag[],
): Segment[] {
  const ranges: { start: number; end: number; rules: Set<FlagRule> }[] = [];
  const spans = flags
    .flatMap((f) =>
      f.evidence.filter((e) => e.field === field).map((e) => ({ ...e, rule: f.rule })),
    )
    .map((e) => ({ start: Math.max(0, e.start), end: Math.min(text.length, e.end), rule: e.rule }))
    .filter((e) => e.start < e.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const span of spans) {
    const last = ranges.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.rules.add(span.rule);
    } else {
      ranges.push({ start: span.start, end: span.end, rules: new Set([span.rule]) });
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) segments.push({ text: text.slice(at, r.start), rules: [] });
    segments.push({ text: text.slice(r.start, r.end), rules: [...r.rules] });
    at = r.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), rules: [] });
  return segments;
}
