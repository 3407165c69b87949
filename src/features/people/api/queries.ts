import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { PersonPatch } from '../../../api/session-schemas';
import { apiOf } from '../../../lib/api-context';

/** The people who may sign in, and each one's sign-in trail. */
export const peopleQueries = {
  all: () => ['people'] as const,
  list: () =>
    queryOptions({
      queryKey: [...peopleQueries.all(), 'list'] as const,
      queryFn: ({ client }) => apiOf(client).listPeople(),
    }),
  signIns: (id: string) =>
    queryOptions({
      queryKey: [...peopleQueries.all(), 'sign-ins', id] as const,
      queryFn: ({ client }) =>
        apiOf(client).listSignInEvents({ params: { id }, query: { limit: 50 } }),
    }),
};

export const peopleMutations = {
  /** A role, level or access change; setting a value twice is the same change, so no key. */
  update: () =>
    mutationOptions({
      mutationKey: [...peopleQueries.all(), 'update'] as const,
      mutationFn: ({ id, patch }: { id: string; patch: PersonPatch }, { client }) =>
        apiOf(client).updatePerson({ params: { id }, body: patch }),
      meta: { invalidates: [peopleQueries.all()] },
    }),
};
