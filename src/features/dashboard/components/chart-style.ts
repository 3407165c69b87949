/**
 * One size for every chart: the card's full width at a fixed height, following the card as it
 * resizes, so a chart neither leaves most of its card empty nor scrolls inside it.
 */
export const CHART = {
  responsive: true,
  style: { width: '100%', height: 240 },
  margin: { top: 8, right: 12, bottom: 4, left: 0 },
};

/** A share in a tooltip as a person reads it: "9.2%", not "9.192825112107624%". */
export const percentTooltip = (value: unknown) =>
  typeof value === 'number' ? `${value.toFixed(1)}%` : String(value);

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
