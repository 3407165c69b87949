import type { Actor, Level, User } from '../../src/api/handoff-schemas';

/**
 * The support floor. Ana comes first because she is the identity the demo opens as: an L1
 * reviewer, the person the queue is designed around.
 */
export const seedUsers: User[] = [
  { id: 'u-ana', name: 'Ana Ortiz', role: 'reviewer', level: 'l1' },
  { id: 'u-ben', name: 'Ben Okafor', role: 'reviewer', level: 'l1' },
  { id: 'u-chen', name: 'Chen Wei', role: 'reviewer', level: 'l2' },
  { id: 'u-femi', name: 'Femi Adeyemi', role: 'lead', level: 'l2' },
  { id: 'u-dana', name: 'Dana Levi', role: 'manager', level: 'manager' },
  { id: 'u-elif', name: 'Elif Demir', role: 'executive', level: 'executive' },
];

export const rulesActor: Actor = { type: 'system', id: 'rules', name: 'Escalation rules' };
export const routerActor: Actor = { type: 'system', id: 'router', name: 'Confidence router' };

const people = new Map<string, Actor>();

/** One actor object per person, shared by every event they appear in across a large world. */
export function personActor(user: User): Actor {
  let actor = people.get(user.id);
  if (!actor || actor.name !== user.name) {
    actor = { type: 'person', id: user.id, name: user.name };
    people.set(user.id, actor);
  }
  return actor;
}

/** People who work items at exactly this level (the lead also picks up L2 work). */
export function staffAt(level: Level): User[] {
  const staff = seedUsers.filter((u) => u.level === level);
  return staff.length > 0 ? staff : seedUsers.slice(0, 1);
}
