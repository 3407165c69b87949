import { type Level, levelSchema, type Role, roleSchema } from '../../../src/api/handoff-schemas';
import { enumWithout } from '../../../src/api/zod-config';
import { rank } from '../../../src/domain/levels';

/*
 * What the identity provider's groups grant on this desk. An organisation keeps who is a
 * lead or an L2 specialist in its directory; `--oidc-grant support-leads=lead:manager` says
 * that members of "support-leads" act as leads at the manager level. A person in several
 * mapped groups gets the highest level among them, so adding someone to a group never
 * lowers what they had from another.
 */

export interface Grant {
  group: string;
  role: Role;
  level: Exclude<Level, 'ai'>;
}

const personLevel = enumWithout(levelSchema, ['ai']);

/** Parses `GROUP=ROLE:LEVEL`; throws with a message fit for the command line. */
export function parseGrant(text: string): Grant {
  const match = /^(.+)=([a-z]+):([a-z0-9]+)$/.exec(text.trim());
  const role = roleSchema.safeParse(match?.[2]);
  const level = personLevel.safeParse(match?.[3]);
  if (!match || !role.success || !level.success) {
    throw new Error(
      `--oidc-grant "${text}" is not GROUP=ROLE:LEVEL, with a role of ${roleSchema.options.join(', ')} ` +
        `and a level of ${personLevel.options.join(', ')}.`,
    );
  }
  return { group: match[1]!, role: role.data, level: level.data };
}

/** The groups a claim names: a list of strings, or one string of names split by spaces or commas. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The grant of the highest level among the person's groups; null when none is mapped. */
export function grantFor(groups: readonly string[], grants: readonly Grant[]): Grant | null {
  const held = new Set(groups);
  let best: Grant | null = null;
  for (const grant of grants) {
    if (held.has(grant.group) && (!best || rank(grant.level) > rank(best.level))) best = grant;
  }
  return best;
}
