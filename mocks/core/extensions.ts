import { loseLapsedRuns } from './agents/lease-job';
import { agentRoutes } from './agents/routes';
import { auditRoutes } from './audit/routes';
import { batchRoutes } from './batch/routes';
import { dashboardRoutes } from './dashboard/routes';
import { demoChaos } from './demo/chaos';
import { demoSettingsRoutes } from './demo/settings';
import { applyGateDefaults } from './gates/gate-job';
import { handoffRoutes } from './handoffs/routes';
import { kindRoutes } from './kinds/routes';
import { policyRoutes } from './policy/routes';
import { postHocRoutes } from './post-hoc/routes';
import type { RequestFilter, RouteGroup, SystemJob } from './services';
import { sessionRoutes } from './session/routes';
import { slaEscalation } from './sla/sla-escalation';
import { teamRoutes } from './teams/routes';

/*
 * The backend's endpoint groups and jobs, each in its own module. Adding a feature is one line
 * here; the transport-neutral core never needs to know about it.
 */

export const routeGroups: RouteGroup[] = [
  handoffRoutes,
  batchRoutes,
  demoSettingsRoutes,
  auditRoutes,
  dashboardRoutes,
  kindRoutes,
  policyRoutes,
  teamRoutes,
  postHocRoutes,
  sessionRoutes,
  agentRoutes,
];

/** Run in this order before any endpoint sees a request. */
export const requestFilters: RequestFilter[] = [demoChaos];

/** Run in this order on every tick. */
export const systemJobs: SystemJob[] = [applyGateDefaults, slaEscalation, loseLapsedRuns];
