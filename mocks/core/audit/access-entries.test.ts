// @vitest-environment node
import { auditLogPageSchema } from '../../../src/api/audit-schemas';
import { Backend } from '../backend';
import { memoryPersistence } from '../persistence';
import { shownWebhookUrl } from './access-entries';

/*
 * Keys given at start (`--agent-key NAME=SECRET`) in the audit log: issued by the server at
 * start, recorded when the key is new or changed, not again at every restart with the same key.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const SECRET = 'hd_ci0000000000000000000000000000';

async function issuedKeys(backend: Backend, action = 'agent_key_issued') {
  const reply = await backend.handle({
    method: 'GET',
    path: '/audit',
    query: new URLSearchParams({ action }),
    headers: new Headers({ 'X-Actor-Id': 'u-femi' }),
    body: null,
  });
  expect(reply.status).toBe(200);
  return auditLogPageSchema.parse(reply.body).items;
}

describe('keys given at start', () => {
  it('are issued by the server at start once, however often it restarts with the same key', async () => {
    const persistence = memoryPersistence();
    const first = await Backend.create({ persistence, count: 20, clock: () => NOW });
    await first.registerAgentKey('CI runner', SECRET);
    const entries = await issuedKeys(first);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'access',
      actor: { type: 'system', id: 'server-start', name: 'Server start' },
      outcome: 'Issued the agent key of CI runner at start',
      agentName: 'CI runner',
      changes: [expect.stringMatching(/^Key hd_ci00… \(k-[0-9a-f]{12}\)$/)],
    });
    expect(JSON.stringify(entries)).not.toContain(SECRET);

    // A restart on the same store, with the same key: nothing new was issued.
    const again = await Backend.create({ persistence, count: 20, clock: () => NOW + 60_000 });
    await again.registerAgentKey('CI runner', SECRET);
    expect(await issuedKeys(again)).toHaveLength(1);

    // A new secret for the name, or the same secret under a new name, is a new key.
    await again.registerAgentKey('CI runner', 'hd_ci1111111111111111111111111111');
    await again.registerAgentKey('Nightly job', SECRET);
    expect((await issuedKeys(again)).map((e) => e.outcome)).toEqual([
      'Issued the agent key of Nightly job at start',
      'Issued the agent key of CI runner at start',
      'Issued the agent key of CI runner at start',
    ]);
  });

  it('stop opening the API once the operator gives their name a new secret, and the log says so', async () => {
    const backend = await Backend.create({ count: 20, clock: () => NOW });
    const replacement = 'hd_ci2222222222222222222222222222';
    const other = 'hd_nightly333333333333333333333333';
    await backend.registerAgentKey('CI runner', SECRET);
    await backend.registerAgentKey('Nightly job', other);
    expect(backend.agentForKey(SECRET)).not.toBeNull();

    await backend.registerAgentKey('CI runner', replacement);
    expect(backend.agentForKey(SECRET)).toBeNull();
    expect(backend.agentForKey(replacement)).not.toBeNull();
    // Another name's key is not the one replaced.
    expect(backend.agentForKey(other)).not.toBeNull();
    const revoked = await issuedKeys(backend, 'agent_key_revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({
      actor: { type: 'system', id: 'server-start', name: 'Server start' },
      outcome: 'Revoked the agent key of CI runner at start',
      changes: [expect.stringMatching(/^Key hd_ci00… /)],
    });
  });

  it('are issued again after a reset of the world, which forgot them', async () => {
    const backend = await Backend.create({ count: 20, clock: () => NOW, allowReset: true });
    await backend.registerAgentKey('CI runner', SECRET);
    await backend.reset();
    expect((await issuedKeys(backend)).map((e) => e.outcome)).toEqual([
      'Issued the agent key of CI runner at start',
    ]);
  });
});

describe('webhook URLs in the log', () => {
  it('keep the address and path, never credentials or the query', () => {
    expect(shownWebhookUrl('https://hooks.example.com/desk')).toBe(
      'https://hooks.example.com/desk',
    );
    expect(shownWebhookUrl('https://bot:s3cret@hooks.example.com/desk?token=abc')).toBe(
      'https://hooks.example.com/desk?…',
    );
    expect(shownWebhookUrl('not a url')).toBe('(unreadable URL)');
  });
});
