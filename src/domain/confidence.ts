/** Confidence bands a reviewer reads at a glance; "low" matches the escalation matrix's 70%. */
export type ConfidenceBand = 'high' | 'medium' | 'low';

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.85) return 'high';
  if (confidence >= 0.7) return 'medium';
  return 'low';
}

export const formatPercent = (value: number) => `${Math.round(value * 100)}%`;
