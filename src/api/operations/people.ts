import { userSchema, usersSchema } from '../handoff-schemas';
import { defineOperations, identityProblems } from './define';

/** Who is acting, and who can act. */
export const peopleOperations = defineOperations({
  getMe: {
    method: 'GET',
    path: '/me',
    summary: 'Who is acting',
    response: userSchema,
    description: 'The actor',
    problems: identityProblems,
    write: false,
  },
  listUsers: {
    method: 'GET',
    path: '/users',
    summary: 'People who can act',
    response: usersSchema,
    description: 'Users',
    problems: identityProblems,
    write: false,
  },
});
