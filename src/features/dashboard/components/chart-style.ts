/** One size for every chart; CSS lets it shrink with the card. */
export const CHART = { width: 560, height: 220, margin: { top: 8, right: 12, bottom: 4, left: 0 } };

/**
 * Distinguishable colours (and on lines, dashes) that pass contrast on the card in either theme:
 * CSS custom properties (src/styles/app.css), so the charts follow the light or dark theme.
 */
export const SERIES_COLORS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
] as const;

export const OUTCOME_COLORS = {
  approvedUnedited: 'var(--chart-3)',
  approvedEdited: 'var(--chart-1)',
  rejected: 'var(--chart-2)',
  escalated: 'var(--chart-4)',
  redirected: 'var(--chart-5)',
} as const;
