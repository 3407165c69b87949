import '../zod-config';
import { z } from 'zod/mini';
import {
  newPersonSchema,
  oidcCallbackQuerySchema,
  passwordResetSchema,
  peopleSchema,
  personPatchSchema,
  personSchema,
  sessionSchema,
  signInEventsSchema,
  signInRequestSchema,
  signOutQuerySchema,
} from '../session-schemas';
import { defineOperations, identityProblems, idParams } from './define';

const crossSite = 'A cookie-borne write from another origin, or without the client header';

/** Signing in and out, and the people an admin (a lead or an executive) manages. */
export const sessionOperations = defineOperations({
  getSession: {
    method: 'GET',
    path: '/session',
    summary: 'Who is signed in, and how to sign in',
    response: sessionSchema,
    description: 'The session, with `user` null when no one is signed in',
    problems: {},
    write: false,
  },
  signIn: {
    method: 'POST',
    path: '/session',
    summary: 'Sign in with a local account',
    body: signInRequestSchema,
    response: sessionSchema,
    description: 'Signed in; the session cookie is set',
    problems: {
      401: 'The id and password do not match an account that may sign in (one answer for every cause)',
      403: crossSite,
      422: 'Invalid fields',
      429: 'Too many attempts for this account or address; carries Retry-After',
    },
    write: false,
  },
  signOut: {
    method: 'DELETE',
    path: '/session',
    summary: 'Sign out (here, or everywhere)',
    query: signOutQuerySchema,
    response: null,
    status: 204,
    description: 'Signed out; the session is destroyed and the cookie cleared',
    problems: { 403: crossSite },
    write: false,
  },
  startOidcSignIn: {
    method: 'GET',
    path: '/session/oidc',
    summary: 'Sign in with the identity provider (a browser navigation)',
    response: null,
    status: 302,
    description: 'Redirects to the identity provider',
    problems: { 404: 'No identity provider is configured' },
    write: false,
  },
  finishOidcSignIn: {
    method: 'GET',
    path: '/session/oidc/callback',
    summary: 'Where the identity provider sends the browser back',
    query: oidcCallbackQuerySchema,
    response: null,
    status: 302,
    description: 'Signed in (or refused) and sent back to the app',
    problems: { 404: 'No identity provider is configured' },
    write: false,
  },
  listPeople: {
    method: 'GET',
    path: '/people',
    summary: 'Everyone who has or asked for an account',
    response: peopleSchema,
    description: 'People, with how they sign in',
    problems: { ...identityProblems, 403: 'Only leads and executives manage people' },
    write: false,
  },
  addPerson: {
    method: 'POST',
    path: '/people',
    summary:
      'Add a person: a local account with a first password, or an email for the identity provider',
    body: newPersonSchema,
    response: personSchema,
    status: 201,
    description: 'The person as added',
    problems: {
      ...identityProblems,
      403: 'Only leads and executives manage people; or cross-site',
      422: 'Invalid fields, or the user id or email is taken',
    },
    write: false,
  },
  resetPassword: {
    method: 'PUT',
    path: '/people/{id}/password',
    summary: 'Set a new password for a person; their sessions end',
    params: idParams,
    body: passwordResetSchema,
    response: null,
    status: 204,
    description: 'The password is set and every session of the person has ended',
    problems: {
      ...identityProblems,
      403: 'Only leads and executives manage people (and not their own password here); or cross-site',
      404: 'No such person',
      422: 'Invalid fields',
    },
    write: false,
  },
  updatePerson: {
    method: 'PUT',
    path: '/people/{id}',
    summary: 'Change a person’s role or level, or disable or enable them',
    params: idParams,
    body: personPatchSchema,
    response: personSchema,
    description: 'The person as they now are',
    problems: {
      ...identityProblems,
      403: 'Only leads and executives manage people (and not their own account); or cross-site',
      404: 'No such person',
      422: 'Invalid fields',
    },
    write: false,
  },
  listSignInEvents: {
    method: 'GET',
    path: '/people/{id}/sign-ins',
    summary: 'A person’s sign-in audit trail, newest first',
    params: idParams,
    query: z.object({
      limit: z
        .optional(z.int().check(z.gte(1), z.lte(500)))
        .check(z.describe('Events to return, 1 to 500.')),
    }),
    response: signInEventsSchema,
    description: 'Signed in, failed, signed out, and every admin change',
    problems: {
      ...identityProblems,
      403: 'Only leads and executives manage people',
      404: 'No such person',
    },
    write: false,
  },
});
