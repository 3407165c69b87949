import { userSchema, usersSchema } from '../handoff-schemas';
import { defineOperations, read } from './define';

/** Who is acting, and who can act. */
export const peopleOperations = defineOperations({
  getMe: read('/me', 'Who is acting', userSchema, 'The actor'),
  listUsers: read('/users', 'People who can act', usersSchema, 'Users'),
});
