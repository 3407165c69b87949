import { z } from 'zod/mini';
// @vitest-environment node

import { problemSchema } from '../../../src/api/handoff-schemas';
import { ladderSchema } from '../../../src/api/ladder-schemas';
import {
  type PolicyChange,
  policyChangeSchema,
  policyChangesSchema,
} from '../../../src/api/policy-change-schemas';
import { routingPolicySchema } from '../../../src/api/routing-policy-schemas';
import { whatIfResultSchema } from '../../../src/api/what-if-schemas';
import { defaultRoutingPolicy } from '../../../src/domain/default-policy';
import { whatIf } from '../../../src/domain/routing';
import { ladderInForce, POLICY_CHANGES_KEY, recentTraffic } from './store';
import { call, makeBackend } from './test-kit';

const raise = (to: number) => ({ categories: { shipping: { confidenceThreshold: to } } });
const change = (
  version: number,
  patch: unknown,
  reason = 'Shipping drafts need a closer look.',
) => ({
  version,
  patch,
  reason,
});

async function policyOf(backend: Awaited<ReturnType<typeof makeBackend>>) {
  return routingPolicySchema.parse((await call(backend, 'GET', '/policy')).body);
}

describe('GET /policy and /ladder', () => {
  it('serves the default policy and ladder before anyone has changed them', async () => {
    const backend = await makeBackend();
    const policy = await policyOf(backend);
    expect(policy).toEqual(defaultRoutingPolicy);
    const ladder = await call(backend, 'GET', '/ladder', { actor: 'u-ana' });
    expect(ladder.status).toBe(200);
    expect(ladderSchema.parse(ladder.body).map((l) => l.level)).toEqual([
      'ai',
      'l1',
      'l2',
      'manager',
      'executive',
    ]);
  });
});

describe('POST /policy/changes', () => {
  it('lets a lead, a manager and an executive change the policy, and refuses reviewers with the reason', async () => {
    const backend = await makeBackend();
    for (const actor of ['u-ana', 'u-chen']) {
      const reply = await call(backend, 'POST', '/policy/changes', {
        actor,
        body: change(1, raise(0.95)),
      });
      expect(reply.status).toBe(403);
      const problem = problemSchema.parse(reply.body);
      expect(problem.code).toBe('forbidden');
      expect(problem.detail).toMatch(/only a team lead, a manager or an executive/i);
    }
    expect((await policyOf(backend)).version).toBe(1);

    const thresholds = [0.9, 0.92, 0.95];
    for (const [i, actor] of ['u-femi', 'u-dana', 'u-elif'].entries()) {
      const reply = await call(backend, 'POST', '/policy/changes', {
        actor,
        body: change(i + 1, raise(thresholds[i]!)),
      });
      expect(reply.status).toBe(201);
      const recorded = policyChangeSchema.parse(reply.body);
      expect(recorded.by.id).toBe(actor);
      expect(recorded.after.version).toBe(i + 2);
    }
    const policy = await policyOf(backend);
    expect(policy.categories.shipping.confidenceThreshold).toBe(0.95);
    expect(policy.updatedBy.id).toBe('u-elif');
  });

  it('answers invalid edits with 422 and a pointer at each field', async () => {
    const backend = await makeBackend();
    const cases: [unknown, string][] = [
      [{ version: 1, patch: raise(0.95) }, '/reason'],
      [change(1, raise(0.95), 'ok'), '/reason'],
      [change(1, raise(1.5)), '/patch/categories/shipping/confidenceThreshold'],
      [
        change(1, { categories: { shipping: { colour: 'red' } } }),
        '/patch/categories/shipping/colour',
      ],
      [
        change(1, { categories: { billing: { pattern: 'post_hoc_sample', sampleRate: 0 } } }),
        '/policy/categories/billing/sampleRate',
      ],
      [change(1, { rules: [{ id: 'task_failure', enabled: false }] }), '/patch/rules/0/enabled'],
      [change(1, {}), '/patch'],
    ];
    for (const [body, pointer] of cases) {
      const reply = await call(backend, 'POST', '/policy/changes', { body });
      expect(reply.status, JSON.stringify(body)).toBe(422);
      const problem = problemSchema.parse(reply.body);
      expect(problem.code).toBe('validation');
      expect(problem.errors?.map((e) => e.pointer)).toContain(pointer);
    }
    expect((await policyOf(backend)).version).toBe(1);
  });

  it('refuses an edit made on a version that is no longer in force with 409', async () => {
    const backend = await makeBackend();
    const first = await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    expect(first.status).toBe(201);
    const stale = await call(backend, 'POST', '/policy/changes', {
      actor: 'u-dana',
      body: change(1, raise(0.95)),
    });
    expect(stale.status).toBe(409);
    const problem = problemSchema.parse(stale.body);
    expect(problem.code).toBe('version_conflict');
    expect(problem.currentVersion).toBe(2);
    expect((await policyOf(backend)).categories.shipping.confidenceThreshold).toBe(0.9);
  });

  it('replays a repeated request with the same key once, and refuses the key for another body', async () => {
    const backend = await makeBackend();
    const body = change(1, raise(0.95));
    const first = await call(backend, 'POST', '/policy/changes', { body, key: 'same' });
    const again = await call(backend, 'POST', '/policy/changes', { body, key: 'same' });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    const history = policyChangesSchema.parse((await call(backend, 'GET', '/policy/changes')).body);
    expect(history.items).toHaveLength(1);
    const other = await call(backend, 'POST', '/policy/changes', {
      body: change(2, raise(0.9)),
      key: 'same',
    });
    expect(other.status).toBe(422);
    expect(problemSchema.parse(other.body).code).toBe('idempotency_mismatch');
  });

  it('keeps the history under policy.changes, oldest first, and lists it newest first', async () => {
    const backend = await makeBackend();
    await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    await call(backend, 'POST', '/policy/changes', {
      actor: 'u-dana',
      body: change(
        2,
        { rules: [{ id: 'low_confidence', params: { threshold: 0.75 } }] },
        'Flag more.',
      ),
    });
    const stored = backend.state.setting<PolicyChange[]>(POLICY_CHANGES_KEY);
    expect(
      z
        .array(policyChangeSchema)
        .parse(stored)
        .map((c) => c.id),
    ).toEqual(['policy-v2', 'policy-v3']);
    const listed = policyChangesSchema.parse(
      (await call(backend, 'GET', '/policy/changes', { actor: 'u-ana' })).body,
    ).items;
    expect(listed.map((c) => [c.id, c.by.name, c.reason])).toEqual([
      ['policy-v3', 'Dana Levi', 'Flag more.'],
      ['policy-v2', 'Femi Adeyemi', 'Shipping drafts need a closer look.'],
    ]);
    // The rule changed, so its version moved; the untouched rules kept theirs.
    const rules = listed[0]!.after.rules.rules;
    expect(rules.find((r) => r.id === 'low_confidence')?.version).toBe(2);
    expect(rules.find((r) => r.id === 'anomaly')?.version).toBe(1);
  });
});

describe('the global audit log', () => {
  it('lists a saved change and a rollback with who and why', async () => {
    const backend = await makeBackend();
    await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    await call(backend, 'POST', '/policy/changes/policy-v2/rollback', {
      actor: 'u-dana',
      body: { version: 2, reason: 'Back to the default for now.' },
    });
    const reply = await call(backend, 'GET', '/audit', { actor: 'u-elif' });
    expect(reply.status).toBe(200);
    const items = (reply.body as { items: { kind: string; actor: { id: string } }[] }).items;
    const policyEntries = items.filter((e) => e.kind === 'policy');
    expect(policyEntries.map((e) => e.actor.id)).toEqual(['u-dana', 'u-femi']);
  });
});

describe('POST /policy/changes/{id}/rollback', () => {
  it('restores the policy before a change as a new version, undoing later changes too', async () => {
    const backend = await makeBackend();
    await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    await call(backend, 'POST', '/policy/changes', {
      body: change(2, { rules: [{ id: 'low_confidence', params: { threshold: 0.8 } }] }),
    });
    const reply = await call(backend, 'POST', '/policy/changes/policy-v2/rollback', {
      actor: 'u-dana',
      body: { version: 3, reason: 'Review rate went above the band.' },
    });
    expect(reply.status).toBe(201);
    const rolled = policyChangeSchema.parse(reply.body);
    expect(rolled).toMatchObject({
      id: 'policy-v4',
      kind: 'rollback',
      rollbackOf: 'policy-v2',
      undoes: ['policy-v2', 'policy-v3'],
    });
    const policy = await policyOf(backend);
    expect(policy.version).toBe(4);
    expect(policy.categories).toEqual(defaultRoutingPolicy.categories);
    // Old settings come back under a new rule version: "rule v3" keeps one meaning.
    const low = policy.rules.rules.find((r) => r.id === 'low_confidence');
    expect(low).toMatchObject({ version: 3, params: { threshold: 0.7 } });
  });

  it('refuses reviewers, unknown changes and a missing reason', async () => {
    const backend = await makeBackend();
    await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    const path = '/policy/changes/policy-v2/rollback';
    const reviewer = await call(backend, 'POST', path, {
      actor: 'u-ben',
      body: { version: 2, reason: 'I preferred it before.' },
    });
    expect(reviewer.status).toBe(403);
    const unknown = await call(backend, 'POST', '/policy/changes/policy-v9/rollback', {
      body: { version: 2, reason: 'Undo something.' },
    });
    expect(unknown.status).toBe(404);
    const noReason = await call(backend, 'POST', path, { body: { version: 2 } });
    expect(noReason.status).toBe(422);
    expect(problemSchema.parse(noReason.body).errors?.[0]?.pointer).toBe('/reason');
    expect((await policyOf(backend)).version).toBe(2);
  });

  it('refuses a rollback made on a version that has moved, so a newer change is not undone unseen', async () => {
    const backend = await makeBackend();
    await call(backend, 'POST', '/policy/changes', { body: change(1, raise(0.9)) });
    // Another lead saves a change while the first still reads version 2's history.
    await call(backend, 'POST', '/policy/changes', {
      body: change(2, { rules: [{ id: 'low_confidence', params: { threshold: 0.8 } }] }),
    });
    const stale = await call(backend, 'POST', '/policy/changes/policy-v2/rollback', {
      body: { version: 2, reason: 'Review rate went above the band.' },
    });
    expect(stale.status).toBe(409);
    expect(problemSchema.parse(stale.body).code).toBe('version_conflict');
    expect((await policyOf(backend)).version).toBe(3);
  });
});

describe('POST /policy/what-if', () => {
  it('replays recent routed traffic under the edit against the policy in force, changing nothing', async () => {
    const backend = await makeBackend();
    const patch = { categories: { shipping: { confidenceThreshold: 0.7 } } };
    const reply = await call(backend, 'POST', '/policy/what-if', {
      actor: 'u-ana',
      body: { patch },
    });
    expect(reply.status).toBe(200);
    const result = whatIfResultSchema.parse(reply.body);
    const baseline = defaultRoutingPolicy;
    const candidate = {
      ...baseline,
      version: 2,
      categories: {
        ...baseline.categories,
        shipping: { ...baseline.categories.shipping, confidenceThreshold: 0.7 },
      },
    };
    const expected = whatIf(recentTraffic(backend.services), candidate, {
      baseline,
      ladder: ladderInForce,
    });
    expect(result.verdicts).toEqual(expected.verdicts);
    expect(result.overall).toEqual(expected.overall);
    expect(result.policyVersion).toBe(2);
    expect(result.baselineVersion).toBe(1);
    expect(result.overall.total).toBeGreaterThan(10);
    // Lowering the bar lets some reviewed shipping items through.
    expect(result.newlySkipping.length).toBeGreaterThan(0);
    expect(result.newlySkipping.every((i) => i.category === 'shipping')).toBe(true);
    expect((await policyOf(backend)).version).toBe(1);
  });

  it('answers an invalid edit with 422 pointers and a broken body with 400', async () => {
    const backend = await makeBackend();
    const bad = await call(backend, 'POST', '/policy/what-if', { body: { patch: raise(2) } });
    expect(bad.status).toBe(422);
    expect(problemSchema.parse(bad.body).errors?.[0]?.pointer).toBe(
      '/patch/categories/shipping/confidenceThreshold',
    );
    const broken = await call(backend, 'POST', '/policy/what-if', { rawBody: '{patch' });
    expect(broken.status).toBe(400);
  });
});
