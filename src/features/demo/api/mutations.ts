import { mutationOptions } from '@tanstack/react-query';
import type { DemoSettings } from '../../../api/demo-schemas';
import { apiOf } from '../../../lib/api-context';
import { demoQueries } from './queries';

export const demoMutations = {
  /** Changes the floor's settings; a retry of the same change carries the same key. */
  saveSettings: () =>
    mutationOptions({
      mutationKey: [...demoQueries.all(), 'save-settings'] as const,
      mutationFn: ({ settings, key }: { settings: DemoSettings; key: string }, { client }) =>
        apiOf(client).saveDemoSettings({ body: settings, idempotencyKey: key }),
      meta: { invalidates: [demoQueries.all()] },
    }),
};
