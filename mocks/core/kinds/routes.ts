import type { RouteGroup } from '../services';
import { initiationRoutes } from './initiation';
import { overrideRoutes } from './override';
import { recoveryRoutes } from './recovery';

/** The handoff kinds beyond the checkpoint: initiation, override, and recovery from AI failure. */
export const kindRoutes: RouteGroup = (s) => [
  ...initiationRoutes(s),
  ...overrideRoutes(s),
  ...recoveryRoutes(s),
];
