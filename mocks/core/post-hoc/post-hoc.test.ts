// @vitest-environment node

import { problemSchema } from '../../../src/api/handoff-schemas';
import { operations, pathOf } from '../../../src/api/operations';
import {
  postHocPageSchema,
  postHocReviewSchema,
  postHocRubrics,
  postHocSettingsSchema,
} from '../../../src/api/post-hoc-schemas';
import { Backend } from '../backend';
import { sampleAutoApproved } from './test-kit';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');

let backend: Backend;
beforeEach(async () => {
  backend = await Backend.create({ count: 600, clock: () => NOW });
  sampleAutoApproved(backend, 3);
});

let keys = 0;
const headers = (actor = 'u-chen', key?: string) =>
  new Headers({ 'X-Actor-Id': actor, 'Idempotency-Key': key ?? `k-${++keys}` });
const get = (query = '') =>
  backend.handle({
    method: 'GET',
    path: operations.listPostHocQueue.path,
    query: new URLSearchParams(query),
    headers: headers(),
    body: null,
  });
const post = (id: string, body: unknown, opts: { actor?: string; key?: string } = {}) =>
  backend.handle({
    method: 'POST',
    path: pathOf(operations.submitPostHocReview, { id }),
    query: new URLSearchParams(),
    headers: headers(opts.actor, opts.key),
    body: JSON.stringify(body),
  });
const putSettings = (body: unknown, actor = 'u-femi') =>
  backend.handle({
    method: 'PUT',
    path: operations.getPostHocSettings.path,
    query: new URLSearchParams(),
    headers: headers(actor),
    body: JSON.stringify(body),
  });
const readSettings = async (actor = 'u-femi') =>
  postHocSettingsSchema.parse(
    (
      await backend.handle({
        method: 'GET',
        path: operations.getPostHocSettings.path,
        query: new URLSearchParams(),
        headers: headers(actor),
        body: null,
      })
    ).body,
  );
/** Sets the share on the version in force, as a lead who just read it would. */
const setShare = async (doubleReviewShare: number) =>
  putSettings({ doubleReviewShare, version: (await readSettings()).version });
const getAs = (actor: string) =>
  backend.handle({
    method: 'GET',
    path: operations.listPostHocQueue.path,
    query: new URLSearchParams(),
    headers: headers(actor),
    body: null,
  });
const problem = (reply: { body?: unknown }) => problemSchema.parse(reply.body);

async function firstWaiting(query = '') {
  const page = postHocPageSchema.parse((await get(query)).body);
  return page.items[0]!;
}
const allYes = (category: keyof typeof postHocRubrics) =>
  Object.fromEntries(postHocRubrics[category].map((c) => [c.id, true]));

describe('post-hoc review queue', () => {
  it('lists only sampled auto-approved items not yet reviewed, oldest sent first, paged', async () => {
    const reply = await get('limit=3');
    expect(reply.status).toBe(200);
    const page = postHocPageSchema.parse(reply.body);
    const sampled = [...backend.state.handoffs.values()].filter(
      (h) => h.sampledForReview && h.status === 'auto_approved',
    );
    expect(sampled.length).toBeGreaterThan(3);
    expect(page.total).toBe(sampled.length);
    expect(page.items).toHaveLength(3);
    expect(page.items.map((i) => i.sentAt)).toEqual([...page.items.map((i) => i.sentAt)].sort());
    const h = backend.state.handoffs.get(page.items[0]!.id)!;
    expect(page.items[0]).toMatchObject({
      customerMessage: h.ticket.body,
      sentText: h.outcome!.finalText,
      category: h.ticket.category,
    });

    const seen = new Set(page.items.map((i) => i.id));
    let cursor = page.nextCursor;
    while (cursor) {
      const next = postHocPageSchema.parse((await get(`limit=3&cursor=${cursor}`)).body);
      for (const i of next.items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(sampled.length);
  });

  it('filters by category and refuses an unknown one with a pointer', async () => {
    const page = postHocPageSchema.parse((await get('category=billing')).body);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.category === 'billing')).toBe(true);
    const bad = await get('category=gardening');
    expect(bad.status).toBe(422);
    expect(problem(bad).errors?.[0]?.pointer).toBe('/category');
  });

  it('records a verdict once: audited, gone from the queue, a second review is a 409 with current', async () => {
    expect((await setShare(0)).status).toBe(200);
    const item = await firstWaiting();
    const criteria = { ...allYes(item.category), tone: false };
    const reply = await post(item.id, { version: item.version, criteria, verdict: 'good' });
    expect(reply.status).toBe(201);
    expect(postHocReviewSchema.parse(reply.body)).toMatchObject({
      handoffId: item.id,
      verdict: 'good',
      note: null,
      by: { id: 'u-chen', name: 'Chen Wei' },
      criteria,
    });
    const event = backend.state.events.get(item.id)!.at(-1)!;
    expect(event).toMatchObject({ action: 'post_hoc_reviewed', actor: { id: 'u-chen' } });
    expect(event.outcome).toMatch(/good \(no: tone\)/);
    // The sent item itself is untouched.
    expect(backend.state.handoffs.get(item.id)!.version).toBe(item.version);

    const after = postHocPageSchema.parse((await get()).body);
    expect(after.items.map((i) => i.id)).not.toContain(item.id);

    const again = await post(
      item.id,
      { version: item.version, criteria, verdict: 'good' },
      { actor: 'u-femi' },
    );
    expect(again.status).toBe(409);
    expect(problem(again).detail).toMatch(/already reviewed/);
    expect(problem(again).current?.id).toBe(item.id);
  });

  it('replays a retried request under the same key instead of reviewing twice', async () => {
    const item = await firstWaiting();
    const body = { version: item.version, criteria: allYes(item.category), verdict: 'good' };
    const first = await post(item.id, body, { key: 'same-key' });
    const second = await post(item.id, body, { key: 'same-key' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const reviewed = backend.state.events
      .get(item.id)!
      .filter((e) => e.action === 'post_hoc_reviewed');
    expect(reviewed).toHaveLength(1);
  });

  it('requires a note for needs follow-up, every rubric answer, and the current version', async () => {
    const item = await firstWaiting();
    const criteria = allYes(item.category);
    const noNote = await post(item.id, {
      version: item.version,
      criteria,
      verdict: 'needs_follow_up',
      note: '  ',
    });
    expect(noNote.status).toBe(422);
    expect(problem(noNote).errors?.map((e) => e.pointer)).toEqual(['/note']);

    const { answers: _, ...missing } = criteria;
    const partial = await post(item.id, {
      version: item.version,
      criteria: { ...missing, vibes: true },
      verdict: 'good',
    });
    expect(partial.status).toBe(422);
    expect(problem(partial).errors?.map((e) => e.pointer)).toEqual([
      '/criteria/answers',
      '/criteria/vibes',
    ]);

    const stale = await post(item.id, { version: item.version + 1, criteria, verdict: 'good' });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');

    // None of the refusals counted as a review.
    expect(backend.state.events.get(item.id)!.some((e) => e.action === 'post_hoc_reviewed')).toBe(
      false,
    );
    const ok = await post(item.id, {
      version: item.version,
      criteria,
      verdict: 'needs_follow_up',
      note: 'Quoted the old refund window.',
    });
    expect(ok.status).toBe(201);
    expect(postHocReviewSchema.parse(ok.body).note).toBe('Quoted the old refund window.');
  });

  it('refuses to review an item that was not sampled', async () => {
    const other = [...backend.state.handoffs.values()].find((h) => !h.sampledForReview)!;
    const reply = await post(other.id, {
      version: other.version,
      criteria: allYes(other.ticket.category),
      verdict: 'good',
    });
    expect(reply.status).toBe(409);
    expect(problem(reply).code).toBe('illegal_transition');
  });
});

describe('blind double review', () => {
  const review = (item: {
    id: string;
    version: number;
    category: keyof typeof postHocRubrics;
  }) => ({
    version: item.version,
    criteria: allYes(item.category),
  });

  it('lets anyone read the share (0.2 by default) and only leads and above change it, within 0 to 1', async () => {
    expect(await readSettings('u-ana')).toEqual({ doubleReviewShare: 0.2, version: 1 });
    const refused = await putSettings({ doubleReviewShare: 0.5, version: 1 }, 'u-ana');
    expect(refused.status).toBe(403);
    expect(problem(refused).code).toBe('forbidden');
    for (const bad of [
      { doubleReviewShare: 1.5, version: 1 },
      { doubleReviewShare: -0.1, version: 1 },
      { doubleReviewShare: 'half', version: 1 },
      { version: 1 },
    ]) {
      const reply = await putSettings(bad);
      expect(reply.status).toBe(422);
      expect(problem(reply).errors?.[0]?.pointer).toBe('/doubleReviewShare');
    }
    expect((await putSettings({ doubleReviewShare: 0.5, version: 1, extra: 1 })).status).toBe(422);
    const unversioned = await putSettings({ doubleReviewShare: 0.5 });
    expect(unversioned.status).toBe(422);
    expect(problem(unversioned).errors?.map((e) => e.pointer)).toEqual(['/version']);
    const changed = await putSettings({ doubleReviewShare: 0.35, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ doubleReviewShare: 0.35, version: 2 });
    expect(await readSettings('u-ana')).toEqual({ doubleReviewShare: 0.35, version: 2 });
  });

  it('refuses a change made on a version that moved on, naming both, and keeps the newer share', async () => {
    // A lead and a manager read version 1; the lead saves first.
    expect((await putSettings({ doubleReviewShare: 0.5, version: 1 })).status).toBe(200);
    const late = await putSettings({ doubleReviewShare: 0.1, version: 1 }, 'u-dana');
    expect(late.status).toBe(409);
    expect(problem(late)).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(problem(late).detail).toMatch(/moved on to version 2 while you edited version 1/);
    expect(await readSettings()).toEqual({ doubleReviewShare: 0.5, version: 2 });
  });

  it('keeps a drawn item waiting for someone else until it has two reviews, and never shows the first verdict', async () => {
    await setShare(1);
    const item = await firstWaiting();
    const note = 'Quoted the old refund window.';
    const first = await post(item.id, { ...review(item), verdict: 'needs_follow_up', note });
    expect(first.status).toBe(201);

    // The first reviewer is done with it; everyone else still has it to review.
    const mine = postHocPageSchema.parse((await getAs('u-chen')).body);
    expect(mine.items.map((i) => i.id)).not.toContain(item.id);
    const theirs = await getAs('u-ben');
    expect(postHocPageSchema.parse(theirs.body).items.map((i) => i.id)).toContain(item.id);
    // Blind: nothing the second reviewer can read names the first verdict or note.
    const trail = JSON.stringify(backend.state.events.get(item.id));
    for (const leak of [JSON.stringify(theirs.body), trail]) {
      expect(leak).not.toMatch(/needs follow-up|needs_follow_up|refund window/);
    }

    const again = await post(item.id, { ...review(item), verdict: 'good' });
    expect(again.status).toBe(409);
    expect(problem(again).detail).toMatch(/someone else/);
    expect(JSON.stringify(again.body)).not.toMatch(/follow|refund window/);

    const second = await post(item.id, { ...review(item), verdict: 'good' }, { actor: 'u-ben' });
    expect(second.status).toBe(201);
    // The second reviewer's reply is their own review only.
    expect(second.body).toMatchObject({ verdict: 'good', by: { id: 'u-ben' }, note: null });
    expect(JSON.stringify(second.body)).not.toMatch(/follow|refund window/);
    const last = backend.state.events.get(item.id)!.at(-1)!;
    expect(last.outcome).toMatch(
      /second: good; Chen Wei had found it needs follow-up \(disagree\)/,
    );

    for (const actor of ['u-ben', 'u-ana', 'u-chen'])
      expect(
        postHocPageSchema.parse((await getAs(actor)).body).items.map((i) => i.id),
      ).not.toContain(item.id);
    const third = await post(item.id, { ...review(item), verdict: 'good' }, { actor: 'u-ana' });
    expect(third.status).toBe(409);
    expect(problem(third).detail).toMatch(/Chen Wei and Ben .* already reviewed/);
  });

  it("feeds each reviewer's agreement into the dashboard", async () => {
    await setShare(1);
    const before = await backend.handle({
      method: 'GET',
      path: operations.getDashboard.path,
      query: new URLSearchParams(),
      headers: headers('u-femi'),
      body: null,
    });
    expect((before.body as { agreement: unknown[] }).agreement).toEqual([]);
    const page = postHocPageSchema.parse((await get('limit=2')).body);
    const [a, b] = page.items;
    await post(a!.id, { ...review(a!), verdict: 'good' });
    await post(a!.id, { ...review(a!), verdict: 'good' }, { actor: 'u-ben' });
    await post(b!.id, { ...review(b!), verdict: 'good' });
    await post(
      b!.id,
      { ...review(b!), verdict: 'needs_follow_up', note: 'Wrong date.' },
      { actor: 'u-ana' },
    );
    const after = await backend.handle({
      method: 'GET',
      path: operations.getDashboard.path,
      query: new URLSearchParams(),
      headers: headers('u-femi'),
      body: null,
    });
    const rows = (
      after.body as {
        agreement: { id: string; doubleReviewed: number; agreed: number; rate: number }[];
      }
    ).agreement;
    expect(rows.map((r) => [r.id, r.doubleReviewed, r.agreed, r.rate])).toEqual([
      ['u-ana', 1, 0, 0],
      ['u-ben', 1, 1, 1],
      ['u-chen', 2, 1, 0.5],
    ]);
  });
});
