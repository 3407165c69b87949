import '../zod-config';
import { z } from 'zod/mini';
import { dashboardSchema, dashboardWindowSchema } from '../dashboard-schemas';
import { defineOperations, identityProblems } from './define';

export const dashboardQuerySchema = z.object({
  window: z
    ._default(dashboardWindowSchema, '24h')
    .check(z.describe('How far back the figures look.')),
});

/** The lead dashboard's figures over a window. */
export const dashboardOperations = defineOperations({
  getDashboard: {
    method: 'GET',
    path: '/dashboard',
    summary: 'The lead dashboard: queue depth, SLA, review rate, decisions, reviewer load',
    query: dashboardQuerySchema,
    queryProblem: 'The window is not one of 8h, 24h, 72h, 7d.',
    response: dashboardSchema,
    description: 'Figures computed from the audit trail',
    problems: { ...identityProblems, 422: 'Unknown window' },
    write: false,
  },
});
