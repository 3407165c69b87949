import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/*
 * Cursors are opaque to clients, so only the server's own are accepted: each one it issues
 * carries a MAC under a server secret, and a cursor without a valid one is refused before any
 * lister decodes it. Synchronous and dependency-light so the in-browser demo backend can use
 * the same code.
 */

const MAC_HEX = 32;

export interface CursorSeal {
  seal(raw: string): string;
  /** The raw cursor, or null when it was not issued under this secret. */
  open(sealed: string): string | null;
}

/** A fresh random secret, as hex; the server persists one so cursors survive a restart. */
export const newCursorSecret = (): string => bytesToHex(randomBytes(32));

export function cursorSeal(secret: string = newCursorSecret()): CursorSeal {
  const key = utf8ToBytes(secret);
  const macOf = (raw: string) => bytesToHex(hmac(sha256, key, utf8ToBytes(raw))).slice(0, MAC_HEX);
  return {
    seal: (raw) => `${raw}.${macOf(raw)}`,
    open(sealed) {
      const dot = sealed.lastIndexOf('.');
      if (dot < 0 || sealed.length - dot - 1 !== MAC_HEX) return null;
      const raw = sealed.slice(0, dot);
      return constantTimeEqual(macOf(raw), sealed.slice(dot + 1)) ? raw : null;
    },
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** What an idempotency record keeps of a request body: enough to tell a different one apart. */
export const bodyDigest = (body: string): string =>
  `sha256:${bytesToHex(sha256(utf8ToBytes(body)))}`;
