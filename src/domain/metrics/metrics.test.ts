import { describe, expect, it } from 'vitest';
import {
  ana,
  ben,
  decided,
  ev,
  facts,
  HOUR,
  item,
  MIN,
  rules,
  system,
  T0,
} from '../../../tests/kits/metrics-trails';
import { computeDashboard } from './dashboard';
import {
  AUTOMATION_MIN_DECISIONS,
  confidentButWrong,
  decisionsByCategory,
  decisionTime,
  escalations,
  reviewRate,
  sla,
} from './decisions';
import { decisionsIn } from './facts';
import { queueDepth } from './queue-depth';
import {
  isRubberStamp,
  MIN_FLOOR_MS,
  MS_PER_WORD,
  readingFloorMs,
  wordCount,
} from './reading-floor';
import { LONG_SESSION_MS, reviewerLoad, SAME_CATEGORY_RUN } from './reviewers';

const day = { from: T0, now: T0 + 24 * HOUR };

describe('reading floor', () => {
  it('needs 60 ms a word for the request and the reply, and never less than 3 s', () => {
    const words = (k: number) => Array.from({ length: k }, () => 'word').join(' ');
    expect(wordCount('  two\nwords ')).toBe(2);
    expect(wordCount('')).toBe(0);
    const long = item({ body: words(200), draft: words(99) });
    // subject "Order" + 200 + 99 words
    expect(readingFloorMs(long)).toBe(300 * MS_PER_WORD);
    expect(readingFloorMs(item({ body: 'Hi', draft: 'Ok' }))).toBe(MIN_FLOOR_MS);
  });

  it('flags an approval strictly faster than the floor, not one that takes exactly the floor', () => {
    expect(isRubberStamp(17_999, 18_000)).toBe(true);
    expect(isRubberStamp(18_000, 18_000)).toBe(false);
  });
});

describe('queue depth', () => {
  it('is zero everywhere with no items', () => {
    const points = queueDepth([], day, 5);
    expect(points).toHaveLength(5);
    expect(points.every((p) => p.total === 0)).toBe(true);
    expect(points.at(-1)?.at).toBe(new Date(day.now).toISOString());
  });

  it('replays an item into the queue on arrival and out on its decision', () => {
    const h = item({ status: 'approved', createdAt: T0 + 5 * HOUR, category: 'billing' });
    const trail = facts(h, [
      ev(h, 'created', T0 + 5 * HOUR),
      ev(h, 'claimed', T0 + 7 * HOUR),
      ev(h, 'approved', T0 + 13 * HOUR),
    ]);
    // Samples every 6 hours: 0, 6, 12, 18, 24.
    const points = queueDepth([trail], day, 5);
    expect(points.map((p) => p.total)).toEqual([0, 1, 1, 0, 0]);
    expect(points[1]?.byCategory.billing).toBe(1);
    expect(points[1]?.byCategory.shipping).toBe(0);
    expect(points[1]?.byLevel.l1).toBe(1);
  });

  it('moves an escalated item to its new level at the escalation', () => {
    const h = item({
      status: 'escalated',
      level: 'l2',
      createdAt: T0 + HOUR,
      escalation: { at: T0 + 10 * HOUR, fromLevel: 'l1' },
    });
    const trail = facts(h, [ev(h, 'created', T0 + HOUR), ev(h, 'escalated', T0 + 10 * HOUR)]);
    const points = queueDepth([trail], day, 5);
    expect(points.map((p) => p.byLevel.l1)).toEqual([0, 1, 0, 0, 0]);
    expect(points.map((p) => p.byLevel.l2)).toEqual([0, 0, 1, 1, 1]);
    expect(points.map((p) => p.total)).toEqual([0, 1, 1, 1, 1]);
  });

  it('never counts work the AI did alone, and ends at the open items of now', () => {
    const auto = item({ status: 'auto_approved', createdAt: T0 + HOUR });
    const working = item({ status: 'ai_working', createdAt: T0 + HOUR });
    const open = item({ status: 'pending', createdAt: T0 + 23 * HOUR });
    const points = queueDepth(
      [
        facts(auto, [ev(auto, 'created', T0 + HOUR), ev(auto, 'auto_approved', T0 + 2 * HOUR)]),
        facts(working, [ev(working, 'created', T0 + HOUR)]),
        facts(open, [ev(open, 'created', T0 + 23 * HOUR)]),
      ],
      day,
      5,
    );
    expect(points.map((p) => p.total)).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('SLA now', () => {
  it('counts open items at risk (under an hour left) and breached, and ignores decided ones', () => {
    const now = T0 + 10 * HOUR;
    const items = [
      item({ dueAt: now - MIN }),
      item({ dueAt: now + 30 * MIN }),
      item({ dueAt: now + 5 * HOUR }),
      item({ status: 'approved', dueAt: now - HOUR }),
    ].map((h) => facts(h, []));
    expect(sla(items, now)).toEqual({ open: 3, atRisk: 1, breached: 1 });
    expect(sla([], now)).toEqual({ open: 0, atRisk: 0, breached: 0 });
  });
});

describe('human review rate', () => {
  it('is the share of routed arrivals that went to a person, against the 10–15% band', () => {
    const arrivals = [
      ...Array.from({ length: 8 }, () => item({ status: 'auto_approved', createdAt: T0 + HOUR })),
      item({ status: 'pending', createdAt: T0 + HOUR }),
      item({ status: 'approved', createdAt: T0 + HOUR }),
      item({ status: 'ai_working', createdAt: T0 + HOUR }),
      // Arrived before the window.
      item({ status: 'pending', createdAt: T0 - HOUR }),
    ].map((h) => facts(h, []));
    const rate = reviewRate(arrivals, day);
    expect(rate).toMatchObject({ reviewed: 2, autoApproved: 8, rate: 0.2, position: 'above' });
    expect(rate.band).toEqual({ low: 0.1, high: 0.15 });
    expect(reviewRate([], day)).toMatchObject({ rate: null, position: null });
  });
});

describe('decisions by category', () => {
  it('splits approvals as drafted from edited ones, and counts rejections', () => {
    const decisions = decisionsIn(
      [
        decided('approved', T0 + HOUR, { category: 'billing' }),
        decided('approved', T0 + HOUR, { category: 'billing', diff: '@@ -1 +1 @@' }),
        decided('rejected', T0 + HOUR, { category: 'billing' }),
        decided('escalated', T0 + HOUR, { category: 'billing' }),
        decided('approved', T0 - HOUR, { category: 'billing' }),
      ],
      day,
    );
    const billing = decisionsByCategory(decisions).find((c) => c.category === 'billing');
    expect(billing).toMatchObject({
      decided: 4,
      approvedUnedited: 1,
      approvedEdited: 1,
      rejected: 1,
      escalated: 1,
      unEditedRate: 0.25,
      automationCandidate: false,
    });
    const legal = decisionsByCategory(decisions).find((c) => c.category === 'legal');
    expect(legal).toMatchObject({ decided: 0, unEditedRate: null, automationCandidate: false });
  });

  it('flags a category as an automation candidate at 95% unedited over enough decisions', () => {
    const run = (n: number, edited: number) =>
      decisionsIn(
        Array.from({ length: n }, (_, i) =>
          decided('approved', T0 + HOUR, { category: 'account', diff: i < edited ? 'd' : null }),
        ),
        day,
      );
    const candidate = (n: number, edited: number) =>
      decisionsByCategory(run(n, edited)).find((c) => c.category === 'account')
        ?.automationCandidate;
    expect(candidate(AUTOMATION_MIN_DECISIONS, 1)).toBe(true); // 95%
    expect(candidate(AUTOMATION_MIN_DECISIONS, 2)).toBe(false); // 90%
    expect(candidate(AUTOMATION_MIN_DECISIONS - 1, 0)).toBe(false); // too few to tell
  });
});

describe('confident but wrong', () => {
  it('counts confident items a person edited, redirected or rejected, once per item', () => {
    const wrongTwice = item({ confidence: 0.95, status: 'approved' });
    const decisions = decisionsIn(
      [
        decided('approved', T0 + HOUR, { confidence: 0.9, diff: 'd' }),
        decided('rejected', T0 + 2 * HOUR, { confidence: 0.86 }),
        decided('approved', T0 + HOUR, { confidence: 0.9 }),
        decided('rejected', T0 + HOUR, { confidence: 0.6 }),
        facts(wrongTwice, [
          ev(wrongTwice, 'redirected', T0 + HOUR, { confidence: 0.95 }),
          ev(wrongTwice, 'approved', T0 + 3 * HOUR, { confidence: 0.95, diff: 'd' }),
        ]),
      ],
      day,
    );
    const result = confidentButWrong(decisions);
    expect(result).toMatchObject({ confidentItems: 4, count: 3, rate: 0.75, threshold: 0.85 });
    expect(result.items.map((i) => i.outcome)).toEqual(['edited', 'rejected', 'edited']);
    expect(confidentButWrong([])).toMatchObject({ confidentItems: 0, count: 0, rate: null });
  });
});

describe('escalations by trigger', () => {
  it('is the share of arrivals each rule, person or the system sent onwards', () => {
    const a = item({ createdAt: T0 + HOUR });
    const b = item({ createdAt: T0 + HOUR });
    const c = item({ createdAt: T0 + HOUR });
    const d = item({ createdAt: T0 + HOUR });
    const result = escalations(
      [
        facts(a, [
          ev(a, 'flagged', T0 + HOUR, { rule: 'policy_keyword', actor: rules }),
          ev(a, 'flagged', T0 + HOUR, { rule: 'low_confidence', actor: rules }),
          ev(a, 'escalated', T0 + 2 * HOUR, { actor: ana }),
        ]),
        facts(b, [ev(b, 'flagged', T0 + HOUR, { rule: 'policy_keyword', actor: rules })]),
        facts(c, [ev(c, 'escalated', T0 + 3 * HOUR, { actor: system })]),
        facts(d, []),
      ],
      day,
    );
    const rate = (t: string) => result.byTrigger.find((x) => x.trigger === t);
    expect(result.items).toBe(4);
    expect(rate('policy_keyword')).toEqual({ trigger: 'policy_keyword', count: 2, rate: 0.5 });
    expect(rate('low_confidence')?.count).toBe(1);
    expect(rate('person')?.rate).toBe(0.25);
    expect(rate('system')?.rate).toBe(0.25);
    expect(rate('anomaly')?.count).toBe(0);
    expect(escalations([], day).byTrigger.every((x) => x.rate === null)).toBe(true);
  });
});

describe('decision time', () => {
  it('bins time on item, and finds approvals faster than the item can be read', () => {
    const short = { body: 'Where is it?', draft: 'It ships today.' }; // floor: 3 s minimum
    const decisions = decisionsIn(
      [
        decided('approved', T0 + HOUR, { ...short, timeOnItemMs: 2_999 }),
        decided('approved', T0 + HOUR, { ...short, timeOnItemMs: 3_000 }),
        decided('rejected', T0 + HOUR, { ...short, timeOnItemMs: 1_000 }),
        decided('approved', T0 + HOUR, { ...short, timeOnItemMs: 400_000 }),
      ],
      day,
    );
    const time = decisionTime(decisions);
    expect(time.decisions).toBe(4);
    expect(time.medianMs).toBe(2_999);
    expect(time.p90Ms).toBe(400_000);
    expect(time.buckets.find((b) => b.label === 'under 5 s')?.count).toBe(3);
    expect(time.buckets.find((b) => b.label === '5 min or more')?.count).toBe(1);
    // A fast rejection is not a rubber stamp; the approval at exactly the floor is not either.
    expect(time).toMatchObject({ approvals: 3, rubberStampCount: 1 });
    expect(time.rubberStampRate).toBeCloseTo(1 / 3);
    expect(time.rubberStamps[0]).toMatchObject({ timeOnItemMs: 2_999, floorMs: 3_000 });
  });

  it('has no figures with no decisions', () => {
    expect(decisionTime([])).toMatchObject({
      decisions: 0,
      medianMs: null,
      p90Ms: null,
      rubberStampRate: null,
    });
  });
});

describe('reviewer workload', () => {
  it('adds up one reviewer’s decisions, time on items and what they hold now', () => {
    const held = item({ assignee: ben, status: 'claimed' });
    const decisions = decisionsIn(
      [
        decided('approved', T0 + HOUR, { actor: ana, timeOnItemMs: 60_000 }),
        decided('rejected', T0 + 2 * HOUR, { actor: ana, timeOnItemMs: 120_000 }),
      ],
      day,
    );
    const loads = reviewerLoad(decisions, [held]);
    expect(loads).toEqual([
      expect.objectContaining({
        id: 'u-ana',
        decisions: 2,
        holding: 0,
        timeOnItemsMs: 180_000,
        nudges: [],
      }),
      expect.objectContaining({ id: 'u-ben', decisions: 0, holding: 1, nudges: [] }),
    ]);
  });

  it('nudges a reviewer to rest after a long session and to rotate after a long run in one category', () => {
    // One decision every 10 minutes, all billing: continuous work, no 15-minute break.
    const count = Math.max(SAME_CATEGORY_RUN, LONG_SESSION_MS / (10 * MIN) + 2);
    const decisions = decisionsIn(
      Array.from({ length: count }, (_, i) =>
        decided('approved', T0 + HOUR + i * 10 * MIN, {
          actor: ana,
          category: 'billing',
          timeOnItemMs: 5 * MIN,
        }),
      ),
      day,
    );
    const [load] = reviewerLoad(decisions, []);
    expect(load?.longestCategoryRun).toBe(count);
    expect(load?.longestSessionMs).toBe((count - 1) * 10 * MIN + 5 * MIN);
    expect(load?.nudges).toEqual([
      expect.stringMatching(/without a 15-minute break/),
      expect.stringMatching(new RegExp(`^${count} billing decisions in a row`)),
    ]);
  });

  it('sees a 15-minute gap as a break', () => {
    const decisions = decisionsIn(
      [0, 1, 2].map((i) =>
        decided('approved', T0 + HOUR + i * 75 * MIN, { actor: ana, timeOnItemMs: MIN }),
      ),
      day,
    );
    expect(reviewerLoad(decisions, [])[0]?.longestSessionMs).toBe(MIN);
  });
});

describe('computeDashboard', () => {
  it('answers an empty world with zeros and nulls, not errors', () => {
    const d = computeDashboard([], '24h', T0);
    expect(d.queueDepth.every((p) => p.total === 0)).toBe(true);
    expect(d.reviewRate.rate).toBeNull();
    expect(d.reviewers).toEqual([]);
    expect(d.from).toBe(new Date(T0 - 24 * HOUR).toISOString());
  });
});
