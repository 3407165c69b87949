import type { TeamDirectory } from '../api/team-schemas';

/*
 * The teams a fresh desk starts with, staffed by the seeded floor: until a lead changes them,
 * legal threats go to Legal, high-value customers who keep complaining to Retention, Spanish,
 * German and French tickets to the team that speaks them, and the rest by category.
 */
export const defaultTeamDirectory: TeamDirectory = {
  version: 1,
  teams: [
    {
      id: 'legal',
      name: 'Legal',
      categories: ['legal'],
      languages: ['en'],
      levels: ['l2', 'manager', 'executive'],
      members: [
        { id: 'u-chen', name: 'Chen Wei' },
        { id: 'u-dana', name: 'Dana Levi' },
      ],
      slaTargetMinutes: 240,
    },
    {
      id: 'retention',
      name: 'Retention',
      categories: [],
      languages: ['en'],
      levels: ['l1', 'l2', 'manager'],
      members: [
        { id: 'u-ben', name: 'Ben Okafor' },
        { id: 'u-femi', name: 'Femi Adeyemi' },
      ],
      slaTargetMinutes: 60,
    },
    {
      id: 'multilingual',
      name: 'Multilingual',
      categories: [],
      languages: ['es', 'de', 'fr'],
      levels: ['l1', 'l2'],
      members: [{ id: 'u-ana', name: 'Ana Ortiz' }],
      slaTargetMinutes: 120,
    },
    {
      id: 'billing',
      name: 'Billing & accounts',
      categories: ['billing', 'account'],
      languages: ['en'],
      levels: ['l1', 'l2', 'manager', 'executive'],
      members: [
        { id: 'u-ana', name: 'Ana Ortiz' },
        { id: 'u-chen', name: 'Chen Wei' },
      ],
      slaTargetMinutes: 120,
    },
    {
      id: 'support',
      name: 'Shipping & technical',
      categories: ['shipping', 'technical'],
      languages: ['en'],
      levels: ['l1', 'l2', 'manager', 'executive'],
      members: [
        { id: 'u-ben', name: 'Ben Okafor' },
        { id: 'u-femi', name: 'Femi Adeyemi' },
      ],
      slaTargetMinutes: 120,
    },
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
