import { z } from 'zod/mini';
import { isoDate, levelSchema, roleSchema, userSchema } from './handoff-schemas';
import { enumWithout } from './zod-config';

/*
 * Who is signed in, how people sign in, and the people an admin manages. Sign-in is the
 * server's: the demo answers the same shapes with its person switcher.
 */

/**
 * How the backend knows who is acting: a signed-in session, the demo's person switcher, or a
 * server that believes the X-Actor-Id header (for local demos and tests only).
 */
export const identityModeSchema = z.enum(['session', 'demo', 'insecure-actor-header']);
export type IdentityMode = z.infer<typeof identityModeSchema>;

export const sessionSchema = z.object({
  mode: identityModeSchema,
  /** The person acting, or null when no one is signed in. */
  user: z.nullable(userSchema),
  /** When the session ends at the latest (absolute expiry); null without a session. */
  expiresAt: z.nullable(isoDate),
  /** The ways to sign in here. */
  methods: z.object({
    password: z.boolean(),
    /** The identity provider's display name, or null when none is configured. */
    oidc: z.nullable(z.string()),
  }),
});
export type Session = z.infer<typeof sessionSchema>;

export const signInRequestSchema = z.strictObject({
  id: z.string().check(z.trim(), z.minLength(1, 'Enter your user id.'), z.maxLength(100)),
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(1024)),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signOutQuerySchema = z.object({
  everywhere: z
    .optional(z.boolean())
    .check(z.describe('Ends every session of the person, on every device, not just this one.')),
});

/** `mode=popup`: the sign-in runs in a popup opened by the "session ended" dialog. */
export const oidcStartQuerySchema = z.object({
  mode: z.optional(z.literal('popup')),
});

export const oidcCallbackQuerySchema = z.object({
  code: z.optional(z.string()),
  state: z.optional(z.string()),
  error: z.optional(z.string()),
});

export const personSchema = z.extend(userSchema, {
  disabled: z.boolean(),
  /** How the person signs in: a local password, the identity provider, both, or not yet. */
  signIn: z.enum(['password', 'oidc', 'both', 'none']),
  email: z.nullable(z.string()),
  lastSignInAt: z.nullable(isoDate),
  createdAt: isoDate,
});
export type Person = z.infer<typeof personSchema>;

export const peopleSchema = z.object({ items: z.array(personSchema) });

export const personPatchSchema = z
  .strictObject({
    role: z.optional(roleSchema),
    level: z.optional(enumWithout(levelSchema, ['ai'])),
    disabled: z.optional(z.boolean()),
  })
  .check(
    z.refine((p) => Object.keys(p).length > 0, 'Change at least one of role, level or disabled.'),
  );
export type PersonPatch = z.infer<typeof personPatchSchema>;

/** At least this long; a passphrase is easier to remember than a short password is to guess. */
export const MIN_PASSWORD_LENGTH = 12;

const newPassword = z
  .string()
  .check(
    z.minLength(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`),
    z.maxLength(1024, 'A password has at most 1,024 characters.'),
  );

/**
 * A person a lead adds: with a first password for a local account, or with only an email,
 * which links them to the identity provider the first time they sign in there.
 */
export const newPersonSchema = z
  .strictObject({
    id: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Enter a user id.'),
        z.maxLength(100, 'A user id has at most 100 characters.'),
        z.regex(/^[\w.@-]+$/, 'Use letters, digits, dots, dashes, underscores or @ only.'),
      ),
    name: z.string().check(z.trim(), z.minLength(1, 'Enter the person’s name.'), z.maxLength(200)),
    role: roleSchema,
    level: enumWithout(levelSchema, ['ai']),
    email: z.optional(
      z.nullable(z.email('Enter an email address like ana@example.com.').check(z.maxLength(320))),
    ),
    password: z.optional(z.nullable(newPassword)),
  })
  .check(
    z.refine((p) => Boolean(p.password || p.email), {
      message: 'Give a first password, or an email to sign in with the identity provider.',
      path: ['password'],
    }),
  );
export type NewPerson = z.infer<typeof newPersonSchema>;

export const passwordResetSchema = z.strictObject({ password: newPassword });

export const signInActionSchema = z.enum([
  'signed_in',
  'sign_in_failed',
  'signed_out',
  'signed_out_everywhere',
  'session_expired',
  'person_added',
  'role_changed',
  'disabled',
  'enabled',
  'password_reset',
  'access_requested',
]);
export type SignInAction = z.infer<typeof signInActionSchema>;

export const signInEventSchema = z.object({
  id: z.int(),
  at: isoDate,
  /** Whose account it is about; null for a failed attempt on an id that names no one. */
  personId: z.nullable(z.string()),
  action: signInActionSchema,
  method: z.nullable(z.enum(['password', 'oidc', 'admin', 'command'])),
  /** The address the request came from, when it came over the network. */
  address: z.nullable(z.string()),
  /** Who made an admin change; null for the person's own sign-in. */
  by: z.nullable(z.object({ id: z.string(), name: z.string() })),
  detail: z.nullable(z.string()),
});
export type SignInEvent = z.infer<typeof signInEventSchema>;

export const signInEventsSchema = z.object({ items: z.array(signInEventSchema) });
