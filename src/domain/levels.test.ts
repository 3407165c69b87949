import { escalationTargets, hasAuthorityOver } from './levels';

describe('escalation ladder', () => {
  it('gives each level authority over its own level and those below', () => {
    expect(hasAuthorityOver('l1', 'l1')).toBe(true);
    expect(hasAuthorityOver('l2', 'l1')).toBe(true);
    expect(hasAuthorityOver('l1', 'l2')).toBe(false);
    expect(hasAuthorityOver('executive', 'manager')).toBe(true);
  });

  it('escalates only upwards and never to the AI', () => {
    expect(escalationTargets('l1')).toEqual(['l2', 'manager', 'executive']);
    expect(escalationTargets('manager')).toEqual(['executive']);
    expect(escalationTargets('executive')).toEqual([]);
  });
});
