const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A flag's duration in ms: plain seconds ("90") or with a unit ("500ms", "15m", "24h", "7d"). */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration (try 3600, 90m or 24h).`);
  return Number(match[1]) * units[match[2] ?? 's']!;
}
