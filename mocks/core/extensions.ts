import type { RouteGroup, SystemJob } from './services';
import { slaEscalation } from './sla/sla-escalation';

/*
 * The backend's features beyond the core item lifecycle, each in its own module. Adding a
 * feature is one line here; the core never needs to know about it.
 */

export const routeGroups: RouteGroup[] = [];

/** Run in this order on every tick. */
export const systemJobs: SystemJob[] = [slaEscalation];
