import { policyRoutes } from './policy/routes';
import type { RouteGroup, SystemJob } from './services';

/*
 * The backend's features beyond the core item lifecycle, each in its own module. Adding a
 * feature is one line here; the core never needs to know about it.
 */

export const routeGroups: RouteGroup[] = [policyRoutes];

/** Run in this order on every tick. */
export const systemJobs: SystemJob[] = [];
