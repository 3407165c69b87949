import type { Handoff } from '../../api/handoff-schemas';

/*
 * How long a reviewer needs, at the least, to read what they approve: the customer's request
 * and the reply that goes out. An approval faster than this is a rubber stamp.
 *
 *   floorMs = max(MIN_FLOOR_MS, words × MS_PER_WORD)
 *
 * MS_PER_WORD is 60 ms, i.e. 1,000 words a minute: about four times the average adult's
 * silent reading speed (~240 wpm) and above the skimming rate where comprehension collapses.
 * So the floor flags only approvals no one could have read, never a quick careful reviewer.
 * MIN_FLOOR_MS covers orienting on the screen and pressing the key for a very short item.
 */

export const MS_PER_WORD = 60;
export const MIN_FLOOR_MS = 3_000;

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** The text a reviewer must read to approve: subject, body and the reply that was sent. */
export function textToRead(h: Handoff): string {
  const sent =
    h.outcome?.action === 'approve' && h.outcome.finalText !== null
      ? h.outcome.finalText
      : (h.drafts.at(-1)?.text ?? '');
  return `${h.ticket.subject}\n${h.ticket.body}\n${sent}`;
}

export function readingFloorMs(h: Handoff): number {
  return Math.max(MIN_FLOOR_MS, wordCount(textToRead(h)) * MS_PER_WORD);
}

/** Strictly faster than the floor: an approval taking exactly the floor is not flagged. */
export function isRubberStamp(timeOnItemMs: number, floorMs: number): boolean {
  return timeOnItemMs < floorMs;
}
