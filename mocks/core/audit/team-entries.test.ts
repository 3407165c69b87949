// @vitest-environment node
import { type AuditEntry, auditLogPageSchema } from '../../../src/api/audit-schemas';
import { teamDirectorySchema } from '../../../src/api/team-schemas';
import { Backend } from '../backend';
import { vipDesk } from '../teams/test-kit';

/*
 * Team changes in the global audit log: who changed which team when, with what changed, one
 * entry per team and one for the routing rules, filtered and paged like every other entry.
 */

let now = Date.parse('2026-11-25T09:00:00.000Z');
let keys = 0;

function call(backend: Backend, method: string, path: string, query = {}, body?: unknown) {
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-femi', 'Idempotency-Key': `team-audit-${++keys}` }),
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function allEntries(backend: Backend, query: Record<string, string> = {}) {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const reply = await call(backend, 'GET', '/audit', {
      ...query,
      limit: '29',
      ...(cursor ? { cursor } : {}),
    });
    expect(reply.status).toBe(200);
    const page = auditLogPageSchema.parse(reply.body);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function twoChanges() {
  const backend = await Backend.create({ count: 120, clock: () => now });
  const current = teamDirectorySchema.parse((await call(backend, 'GET', '/teams')).body);
  const first = await call(
    backend,
    'POST',
    '/teams/changes',
    {},
    {
      version: current.version,
      teams: [...current.teams, vipDesk],
      rules: [
        { id: 'chargeback', when: 'keyword', keyword: 'chargeback', teamId: 'vip' },
        ...current.rules,
      ],
      reason: 'A desk for our largest customers.',
    },
  );
  expect(first.status).toBe(201);
  now += 60_000;
  const teams = current.teams
    .filter((t) => t.id !== 'multilingual')
    .map((t) => (t.id === 'legal' ? { ...t, members: [{ id: 'u-dana', name: 'Dana Levi' }] } : t));
  const second = await call(
    backend,
    'POST',
    '/teams/changes',
    {},
    {
      version: current.version + 1,
      teams: [...teams, vipDesk],
      rules: [
        { id: 'chargeback', when: 'keyword', keyword: 'chargeback', teamId: 'vip' },
        ...current.rules.filter((r) => r.teamId !== 'multilingual'),
      ],
      reason: 'Chen moves to the VIP desk; translation is outsourced.',
    },
  );
  expect(second.status).toBe(201);
  return backend;
}

describe('team changes in GET /audit', () => {
  it('lists each team created, changed and deleted, and the rules, with who, when and what', async () => {
    const backend = await twoChanges();
    const all = await allEntries(backend);
    const teams = all.filter((e) => e.kind === 'teams');
    // Newest change first; within a change, its entries in reverse of the order it lists them.
    expect(teams.map((e) => [e.action, e.outcome])).toEqual([
      ['team_rules_changed', 'Team routing rules changed: 3 change(s)'],
      ['team_deleted', 'Team Multilingual deleted'],
      ['team_updated', 'Team Legal changed: 1 setting(s)'],
      ['team_rules_changed', 'Team routing rules changed: 1 change(s)'],
      ['team_created', 'Team VIP desk created'],
    ]);
    expect(teams[2]).toMatchObject({
      actor: { type: 'person', id: 'u-femi' },
      at: new Date(now).toISOString(),
      version: 3,
      previousVersion: 2,
      teamId: 'legal',
      why: { reason: 'Chen moves to the VIP desk; translation is outsourced.' },
      changes: ['Members: Chen Wei, Dana Levi → Dana Levi'],
    });
    expect(teams[4]?.changes).toContain('Levels: L2 Specialist, Manager');
    expect(teams[3]?.changes).toEqual(['Rule added: Policy keyword “chargeback” → VIP desk']);
    // Newest first among the item events, each entry once.
    const times = all.map((e) => Date.parse(e.at));
    expect(times.every((t, i) => i === 0 || times[i - 1]! >= t)).toBe(true);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('filters team entries by action, actor and text like the other kinds, never by item', async () => {
    const backend = await twoChanges();
    const created = await allEntries(backend, { action: 'team_created,team_deleted' });
    expect(created.map((e) => e.outcome)).toEqual([
      'Team Multilingual deleted',
      'Team VIP desk created',
    ]);
    expect(created.every((e) => e.kind === 'teams' && e.teamId !== null)).toBe(true);
    const byText = await allEntries(backend, { q: 'outsourced', actorId: 'u-femi' });
    expect(byText.length).toBe(3);
    expect(byText.every((e) => e.kind === 'teams')).toBe(true);
    expect(await allEntries(backend, { actorType: 'ai', action: 'team_created' })).toEqual([]);
    expect(await allEntries(backend, { item: 'h-4521', action: 'team_updated' })).toEqual([]);
  });
});
