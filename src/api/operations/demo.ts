import { demoSettingsSchema } from '../demo-schemas';
import { defineOperations, identityProblems, read, writeProblems } from './define';

/** Optional, demo and test backends only: the demo floor and restoring the seed. */
export const demoOperations = defineOperations({
  resetDemo: {
    method: 'POST',
    path: '/demo/reset',
    summary: 'Optional, demo and test backends only: restore the seeded world',
    response: null,
    status: 204,
    description: 'Restored',
    problems: { ...identityProblems, 403: 'Reset is disabled on this server' },
    write: false,
  },
  getDemoSettings: {
    ...read(
      '/demo/settings',
      'Optional, demo and test backends only: the demo floor (arrivals, AI quality, chaos)',
      demoSettingsSchema,
      'Settings',
    ),
    // The built-in agent brings the floor's arrivals at its rate and AI quality: it reads them here.
    principals: ['person', 'agent'],
  },
  saveDemoSettings: {
    method: 'PUT',
    path: '/demo/settings',
    summary: 'Change the demo floor; 403 where the server does not allow it',
    body: demoSettingsSchema,
    response: demoSettingsSchema,
    description: 'Saved',
    problems: writeProblems,
    write: true,
  },
});
