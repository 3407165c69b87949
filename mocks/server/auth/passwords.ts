import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/*
 * Passwords are hashed with Argon2id (the library's default algorithm; its defaults follow
 * OWASP's minimum: 19 MiB, two passes). A check of an unknown account still verifies, against
 * a hash made at start, so it takes as long as a wrong password for a real one.
 */

export { MIN_PASSWORD_LENGTH } from '../../../src/api/session-schemas';

export const hashPassword = (password: string) => hash(password);

let decoy: Promise<string> | null = null;
const decoyHash = () => {
  decoy ??= hash(randomBytes(16).toString('base64url'));
  return decoy;
};

/** True only for a stored hash the password matches; always does the work of one check. */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await decoyHash());
  try {
    return (await verify(target, password)) && stored !== null;
  } catch {
    // A malformed stored hash is a failed check, never a crash.
    return false;
  }
}

/** A password for an account made without one given: printed once, changed by a reset. */
export const generatePassword = () => randomBytes(15).toString('base64url');
