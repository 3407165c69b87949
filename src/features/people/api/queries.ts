import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { NewPerson, PersonPatch } from '../../../api/session-schemas';
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

  /** Adding twice is refused at the id field, so a retried add cannot make two people. */
  add: () =>
    mutationOptions({
      mutationKey: [...peopleQueries.all(), 'add'] as const,
      mutationFn: (person: NewPerson, { client }) => apiOf(client).addPerson({ body: person }),
      meta: { invalidates: [peopleQueries.all()] },
    }),
  resetPassword: () =>
    mutationOptions({
      mutationKey: [...peopleQueries.all(), 'password'] as const,
      mutationFn: ({ id, password }: { id: string; password: string }, { client }) =>
        apiOf(client).resetPassword({ params: { id }, body: { password } }),
      meta: { invalidates: [peopleQueries.all()] },
    }),
};
