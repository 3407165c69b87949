import type { Team, TeamDirectory } from '../api/team-schemas';

/*
 * The teams a fresh desk starts with, staffed by the seeded floor: until a lead changes them,
 * legal threats go to Legal, high-value customers who keep complaining to Retention, Spanish,
 * German and French tickets to the team that speaks them, and the rest by category.
 */

const floor = {
  ana: { id: 'u-ana', name: 'Ana Ortiz' },
  ben: { id: 'u-ben', name: 'Ben Okafor' },
  chen: { id: 'u-chen', name: 'Chen Wei' },
  dana: { id: 'u-dana', name: 'Dana Levi' },
  femi: { id: 'u-femi', name: 'Femi Adeyemi' },
} as const;

/** A team of the seeded floor; it speaks English unless told otherwise. */
const team = (
  id: string,
  name: string,
  t: Pick<Team, 'categories' | 'levels' | 'slaTargetMinutes'> & {
    languages?: Team['languages'];
    members: (keyof typeof floor)[];
  },
): Team => ({
  id,
  name,
  categories: t.categories,
  languages: t.languages ?? ['en'],
  levels: t.levels,
  members: t.members.map((m) => ({ ...floor[m] })),
  slaTargetMinutes: t.slaTargetMinutes,
});

export const defaultTeamDirectory: TeamDirectory = {
  version: 1,
  teams: [
    team('legal', 'Legal', {
      categories: ['legal'],
      levels: ['l2', 'manager', 'executive'],
      members: ['chen', 'dana'],
      slaTargetMinutes: 240,
    }),
    team('retention', 'Retention', {
      categories: [],
      levels: ['l1', 'l2', 'manager'],
      members: ['ben', 'femi'],
      slaTargetMinutes: 60,
    }),
    team('multilingual', 'Multilingual', {
      categories: [],
      languages: ['es', 'de', 'fr'],
      levels: ['l1', 'l2'],
      members: ['ana'],
      slaTargetMinutes: 120,
    }),
    team('billing', 'Billing & accounts', {
      categories: ['billing', 'account'],
      levels: ['l1', 'l2', 'manager', 'executive'],
      members: ['ana', 'chen'],
      slaTargetMinutes: 120,
    }),
    team('support', 'Shipping & technical', {
      categories: ['shipping', 'technical'],
      levels: ['l1', 'l2', 'manager', 'executive'],
      members: ['ben', 'femi'],
      slaTargetMinutes: 120,
    }),
  ],
  rules: [
    { id: 'legal-action', when: 'keyword', keyword: 'legal action', teamId: 'legal' },
    { id: 'lawyer', when: 'keyword', keyword: 'lawyer', teamId: 'legal' },
    { id: 'churn', when: 'churn_risk', minPriorComplaints: 2, teamId: 'retention' },
    { id: 'spanish', when: 'language', language: 'es', teamId: 'multilingual' },
    { id: 'german', when: 'language', language: 'de', teamId: 'multilingual' },
    { id: 'french', when: 'language', language: 'fr', teamId: 'multilingual' },
  ],
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: { type: 'system', id: 'system', name: 'Handoff Desk' },
};
