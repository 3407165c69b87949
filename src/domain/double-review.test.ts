import { drawnForDoubleReview, type ReviewPair, reviewerAgreement } from './double-review';

const pair = (a: [string, string], b: [string, string]): ReviewPair => ({
  first: { reviewerId: a[0], reviewerName: a[0].toUpperCase(), verdict: a[1] },
  second: { reviewerId: b[0], reviewerName: b[0].toUpperCase(), verdict: b[1] },
});

describe('reviewerAgreement', () => {
  it('is empty when nothing was double-reviewed', () => {
    expect(reviewerAgreement([])).toEqual([]);
  });

  it('counts, per reviewer, the items where the other reviewer gave the same verdict', () => {
    const rows = reviewerAgreement([
      pair(['ana', 'good'], ['ben', 'good']),
      pair(['ana', 'good'], ['chen', 'needs_follow_up']),
      pair(['chen', 'good'], ['ana', 'good']),
    ]);
    expect(rows).toEqual([
      { id: 'ana', name: 'ANA', doubleReviewed: 3, agreed: 2, rate: 2 / 3 },
      { id: 'ben', name: 'BEN', doubleReviewed: 1, agreed: 1, rate: 1 },
      { id: 'chen', name: 'CHEN', doubleReviewed: 2, agreed: 1, rate: 0.5 },
    ]);
  });

  it('reports a rate of 0 for someone who never agreed, and ignores a pair by one person', () => {
    const rows = reviewerAgreement([
      pair(['ana', 'good'], ['ben', 'needs_follow_up']),
      pair(['ana', 'good'], ['ana', 'good']),
    ]);
    expect(rows.map((r) => [r.id, r.doubleReviewed, r.agreed, r.rate])).toEqual([
      ['ana', 1, 0, 0],
      ['ben', 1, 0, 0],
    ]);
  });
});

describe('drawnForDoubleReview', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `h-${i}`);
  it('never draws at 0, always at 1, and stably draws about the share', () => {
    expect(ids.some((id) => drawnForDoubleReview(id, 0))).toBe(false);
    expect(ids.every((id) => drawnForDoubleReview(id, 1))).toBe(true);
    const drawn = ids.filter((id) => drawnForDoubleReview(id, 0.2));
    expect(drawn.length / ids.length).toBeGreaterThan(0.15);
    expect(drawn.length / ids.length).toBeLessThan(0.25);
    expect(ids.filter((id) => drawnForDoubleReview(id, 0.2))).toEqual(drawn);
  });
  it('draws more items at a higher share, keeping the ones drawn at a lower share', () => {
    const low = ids.filter((id) => drawnForDoubleReview(id, 0.1));
    expect(low.every((id) => drawnForDoubleReview(id, 0.3))).toBe(true);
  });
});
