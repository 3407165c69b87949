import type { ApiClient } from '../../../api/client';
import type { NewPerson, PersonPatch } from '../../../api/session-schemas';
import { apiMutation, apiQuery } from '../../../lib/api-context';

/** The people who may sign in, and each one's sign-in trail. */
export const peopleQueries = {
  all: () => ['people'] as const,
  list: () => apiQuery([...peopleQueries.all(), 'list'], (api) => api.listPeople()),
  signIns: (id: string) =>
    apiQuery([...peopleQueries.all(), 'sign-ins', id], (api) =>
      api.listSignInEvents({ params: { id }, query: { limit: 50 } }),
    ),
};

/** Every change to a person may show in the list and in their trail, so each refreshes both. */
const personWrite = <V, T>(name: string, write: (api: ApiClient, v: V) => Promise<T>) =>
  apiMutation([...peopleQueries.all(), name], write, [peopleQueries.all()]);

export const peopleMutations = {
  /** A role, level or access change; setting a value twice is the same change, so no key. */
  update: () =>
    personWrite('update', (api, { id, patch }: { id: string; patch: PersonPatch }) =>
      api.updatePerson({ params: { id }, body: patch }),
    ),

  /** Adding twice is refused at the id field, so a retried add cannot make two people. */
  add: () => personWrite('add', (api, person: NewPerson) => api.addPerson({ body: person })),
  resetPassword: () =>
    personWrite('password', (api, { id, password }: { id: string; password: string }) =>
      api.resetPassword({ params: { id }, body: { password } }),
    ),
};
