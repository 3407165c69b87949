import { auditSearchSchema, isoToLocal, localToIso, toAuditParams } from './audit-search';

describe('audit search params', () => {
  it('turns the URL into API filters: actor kinds, a person, one action and rule', () => {
    const search = auditSearchSchema.parse({
      actor: 'u-ana',
      action: 'rejected',
      rule: 'policy_keyword',
      item: 4521,
      q: '  refund ',
      from: '2026-11-24T00:00:00.000Z',
    });
    expect(toAuditParams(search)).toEqual({
      actorType: undefined,
      actorId: 'u-ana',
      action: ['rejected'],
      rule: ['policy_keyword'],
      item: '4521',
      from: '2026-11-24T00:00:00.000Z',
      to: undefined,
      q: 'refund',
    });
    expect(toAuditParams(auditSearchSchema.parse({ actor: 'ai' }))).toMatchObject({
      actorType: 'ai',
      actorId: undefined,
    });
  });

  it('falls back to "any" for values a hand-edited link got wrong', () => {
    const search = auditSearchSchema.parse({ action: 'exploded', rule: 7, from: 'yesterday' });
    expect(search).toMatchObject({ action: undefined, rule: undefined, from: undefined });
  });

  it('round-trips a local date and time through the URL', () => {
    const iso = localToIso('2026-11-25T09:30');
    expect(iso).toBeDefined();
    expect(isoToLocal(iso)).toBe('2026-11-25T09:30');
    expect(localToIso('')).toBeUndefined();
  });
});
