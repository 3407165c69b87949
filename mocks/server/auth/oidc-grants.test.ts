import { grantFor, groupsOf, parseGrant } from './oidc-grants';

describe('what identity-provider groups grant', () => {
  const grants = ['support-l1=reviewer:l1', 'support-l2=reviewer:l2', 'leads=lead:manager'].map(
    parseGrant,
  );

  it('gives the highest level among the mapped groups a person is in', () => {
    expect(grantFor(['everyone', 'support-l1', 'leads'], grants)).toEqual({
      group: 'leads',
      role: 'lead',
      level: 'manager',
    });
    expect(grantFor(['support-l2', 'support-l1'], grants)?.level).toBe('l2');
    expect(grantFor(['everyone'], grants)).toBeNull();
    expect(grantFor([], [])).toBeNull();
  });

  it('reads a list claim or a space- or comma-separated one, and nothing else', () => {
    expect(groupsOf(['a', 7, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf('a b,c')).toEqual(['a', 'b', 'c']);
    expect(groupsOf({ a: 1 })).toEqual([]);
    expect(groupsOf(undefined)).toEqual([]);
  });

  it('refuses a grant that names no role or level, or the AI', () => {
    expect(parseGrant('cn=Support L2,ou=Groups=reviewer:l2').group).toBe('cn=Support L2,ou=Groups');
    for (const bad of ['leads', 'leads=lead', 'leads=boss:l2', 'bots=reviewer:ai', '=lead:l2']) {
      expect(() => parseGrant(bad)).toThrow(/GROUP=ROLE:LEVEL/);
    }
  });
});
