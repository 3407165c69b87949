/*
 * Many texts in the world repeat exactly: "Classified as billing: duplicate charge; urgency
 * normal", "Claimed by Ana Ortiz", the same next action. Keeping one copy of each makes a
 * 100k-item world noticeably smaller, which is most of what it costs to build.
 */

const seen = new Map<string, string>();
// Past this, new texts are mostly one-offs (order numbers, names) and not worth keeping.
const limit = 20_000;

export function intern(text: string): string {
  const known = seen.get(text);
  if (known !== undefined) return known;
  if (seen.size < limit) seen.set(text, text);
  return text;
}
