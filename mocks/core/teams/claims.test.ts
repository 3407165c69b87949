// @vitest-environment node
import { batchDecisionResultSchema } from '../../../src/api/batch-schemas';
import { type Handoff, handoffSchema, problemSchema } from '../../../src/api/handoff-schemas';
import type { TeamRoute } from '../../../src/api/team-route-schemas';
import { Backend } from '../backend';
import { callBackend, plainItem } from '../test-items';
import { teamRoute as route } from './test-kit';

/*
 * A team's work is claimed by the team: its members at the item's level or above (and team
 * leads, managers and executives) take it; anyone else gets a 403 naming the team, and
 * claim-next never hands it to them. A team with nobody at the item's level leaves the item to
 * the global ladder.
 */

async function world() {
  const backend = await Backend.create({
    count: 120,
    clock: () => Date.parse('2026-11-25T09:00:00.000Z'),
  });
  const item = (id: string) => backend.state.handoffs.get(id) as Handoff;
  /** A plain item of `team` escalated inside its ladder to `level`. */
  const teamItem = (team: TeamRoute, level: Handoff['level'] = 'l1', id = 'h-team') => {
    const escalation = {
      by: { type: 'person' as const, id: 'u-ben', name: 'Ben Okafor' },
      at: '2026-11-25T08:30:00.000Z',
      fromLevel: 'l1' as const,
      note: 'Needs the team’s next level',
    };
    const h: Handoff = { ...plainItem(backend), id, level, team, escalation };
    backend.state.putHandoff(h);
    return h;
  };
  const claim = (h: Handoff, actor: string) =>
    callBackend(backend, 'POST', `/handoffs/${h.id}/claim`, {
      actor,
      body: { version: item(h.id).version },
    });
  return { backend, item, teamItem, claim };
}

const support = route('support', 'Shipping & technical');

describe('claiming a team’s items', () => {
  it('leaves an item routed to a team, not escalated inside it, to anyone whose level covers it', async () => {
    const { backend, item, claim } = await world();
    const h: Handoff = { ...plainItem(backend), id: 'h-routed', team: support, escalation: null };
    backend.state.putHandoff(h);
    const outsider = await claim(h, 'u-ana');
    expect(outsider.status).toBe(200);
    expect(item(h.id).assignee?.id).toBe('u-ana');
  });

  it('refuses someone outside the team with a 403 naming the team, and lets a member claim', async () => {
    const { item, teamItem, claim } = await world();
    // Shipping & technical is Ben (L1) and Femi (lead, L2); Ana is not in it.
    const h = teamItem(support);

    const outsider = await claim(h, 'u-ana');
    expect(outsider.status).toBe(403);
    const problem = problemSchema.parse(outsider.body);
    expect(problem.code).toBe('forbidden');
    expect(problem.team).toEqual({ id: 'support', name: 'Shipping & technical' });
    expect(problem.detail).toBe(
      'Shipping & technical holds this item: only its members at L1 Support or above (Ben Okafor, Femi Adeyemi) or a team lead may claim it.',
    );
    expect(item(h.id)).toMatchObject({ status: 'pending', assignee: null });

    const member = await claim(h, 'u-ben');
    expect(member.status).toBe(200);
    expect(handoffSchema.parse(member.body).assignee?.id).toBe('u-ben');
  });

  it('keeps an item escalated inside the team to the team’s people at the new level', async () => {
    const { teamItem, claim } = await world();
    const h = teamItem(support, 'l2');
    // Chen is an L2 Specialist, but not in Shipping & technical.
    const chen = await claim(h, 'u-chen');
    expect(chen.status).toBe(403);
    expect(problemSchema.parse(chen.body).detail).toMatch(
      /only its members at L2 Specialist or above \(Femi Adeyemi\)/,
    );
    expect((await claim(h, 'u-femi')).status).toBe(200);
  });

  it('lets a manager outside the team claim within their level', async () => {
    const { teamItem, claim } = await world();
    const h = teamItem(route('retention', 'Retention'), 'l2');
    expect((await claim(h, 'u-dana')).status).toBe(200);
  });

  it('falls back to the global ladder when the team has nobody at the item’s level', async () => {
    const { teamItem, claim } = await world();
    // Multilingual is Ana alone, at L1: an L2 item there waits for no one in the team.
    const h = teamItem(route('multilingual', 'Multilingual'), 'l2');
    expect((await claim(h, 'u-chen')).status).toBe(200);
  });

  it('refuses an outsider the claim that starting an edit makes', async () => {
    const { item, teamItem, backend } = await world();
    const h = teamItem(support);
    const reply = await callBackend(backend, 'PUT', `/handoffs/${h.id}/draft`, {
      actor: 'u-ana',
      body: { version: h.version, text: 'My edit' },
    });
    expect(reply.status).toBe(403);
    expect(problemSchema.parse(reply.body).team?.name).toBe('Shipping & technical');
    expect(item(h.id)).toMatchObject({ assignee: null, workingDraft: h.workingDraft });
  });

  it('refuses an outsider deciding an item nobody holds, alone or in a batch, and lets a member', async () => {
    const { backend, item, teamItem } = await world();
    const h = teamItem(support);
    const reject = (actor: string) =>
      callBackend(backend, 'POST', `/handoffs/${h.id}/decisions`, {
        actor,
        body: {
          action: 'reject',
          version: item(h.id).version,
          timeOnItemMs: 9_000,
          reason: 'Quotes the wrong order',
        },
      });
    const alone = await reject('u-ana');
    expect(alone.status).toBe(403);
    expect(problemSchema.parse(alone.body).team?.name).toBe('Shipping & technical');
    expect(item(h.id)).toMatchObject({ status: 'pending', assignee: null });

    const batch = await callBackend(backend, 'POST', '/handoffs/batch-decisions', {
      actor: 'u-ana',
      body: {
        batchId: 'b-outsider',
        decision: { action: 'reject', reason: 'Quotes the wrong order' },
        items: [{ id: h.id, version: item(h.id).version }],
        timeOnBatchMs: 9_000,
      },
    });
    const [left] = batchDecisionResultSchema.parse(batch.body).results;
    expect(left).toMatchObject({ outcome: 'refused', status: 'pending' });
    expect(left?.problem?.detail).toMatch(/^Shipping & technical holds this item/);
    expect(item(h.id).status).toBe('pending');

    expect((await reject('u-ben')).status).toBe(200);
    expect(item(h.id)).toMatchObject({ status: 'rejected', assignee: { id: 'u-ben' } });
  });

  it('refuses an outsider taking over a failed item of the team', async () => {
    const { backend, item, teamItem } = await world();
    const h = teamItem(support);
    backend.state.putHandoff({ ...h, status: 'failed' });
    const takeOver = (actor: string) =>
      callBackend(backend, 'POST', `/handoffs/${h.id}/take-over`, {
        actor,
        body: { version: item(h.id).version },
      });
    const outsider = await takeOver('u-ana');
    expect(outsider.status).toBe(403);
    expect(problemSchema.parse(outsider.body).team?.name).toBe('Shipping & technical');
    expect(item(h.id)).toMatchObject({ status: 'failed', assignee: null });
    expect((await takeOver('u-ben')).status).toBe(200);
    expect(item(h.id).assignee?.id).toBe('u-ben');
  });

  it('never offers another team’s item through claim-next, and offers it to a member', async () => {
    const { backend, teamItem } = await world();
    const h = teamItem(support, 'l2', 'h-support-l2');
    // The most urgent item on the floor, at Chen's own level.
    backend.state.putHandoff({ ...h, dueAt: '2026-11-25T09:05:00.000Z' });
    const claimed: Handoff[] = [];
    for (;;) {
      const reply = await callBackend(backend, 'POST', '/handoffs/claim-next', { actor: 'u-chen' });
      if (reply.status !== 200) {
        expect(problemSchema.parse(reply.body).code).toBe('queue_empty');
        break;
      }
      claimed.push(handoffSchema.parse(reply.body));
    }
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.map((c) => c.id)).not.toContain('h-support-l2');
    // Chen is in neither: what he got of theirs was only routed to them, never escalated there.
    const theirs = claimed.filter((c) => ['support', 'retention'].includes(c.team?.teamId ?? ''));
    expect(theirs.every((c) => c.escalation === null)).toBe(true);

    const femi = await callBackend(backend, 'POST', '/handoffs/claim-next', { actor: 'u-femi' });
    expect(handoffSchema.parse(femi.body).id).toBe('h-support-l2');
  });
});
