/** One size for every chart; CSS lets it shrink with the card. */
export const CHART = { width: 560, height: 220, margin: { top: 8, right: 12, bottom: 4, left: 0 } };

/** Distinguishable colours (and on lines, dashes) that pass contrast on white. */
export const SERIES_COLORS = ['#1f5fbf', '#b3261e', '#1e6b3a', '#8a5300', '#6b3fa0'] as const;

export const OUTCOME_COLORS = {
  approvedUnedited: '#1e6b3a',
  approvedEdited: '#1f5fbf',
  rejected: '#b3261e',
  escalated: '#8a5300',
  redirected: '#6b3fa0',
} as const;
