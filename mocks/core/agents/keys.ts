import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { AGENT_KEY_PREFIX, type AgentKey } from '../../../src/api/agent-schemas';
import type { Assignee } from '../../../src/api/handoff-schemas';
import type { AgentPrincipal } from '../principal';
import type { BackendServices } from '../services';
import type { World } from '../world';

/*
 * Agents' API keys, kept in the world beside the items (one setting per key, so the demo and
 * the server store them the same way). Only a SHA-256 hash of each secret is kept: the secrets
 * are long and random, so a copy of the store (a backup) opens nothing.
 */

const KEY = 'agent-key:';

interface StoredKey extends AgentKey {
  hash: string;
}

export const hashSecret = (secret: string) => bytesToHex(sha256(utf8ToBytes(secret)));

export const newSecret = () => `${AGENT_KEY_PREFIX}${bytesToHex(randomBytes(24))}`;

/** A secret as the server accepts it: the prefix, then at least 16 characters of key. */
export const wellFormed = (secret: string) =>
  secret.startsWith(AGENT_KEY_PREFIX) && /^[A-Za-z0-9_-]{16,200}$/.test(secret.slice(3));

const stored = (world: World) => world.settingsUnder<StoredKey>(KEY);

const publicView = ({ hash: _hash, ...key }: StoredKey): AgentKey => key;

/** When each key was last used, kept in memory: a read must not write. */
const lastUsed = new WeakMap<World, Map<string, string>>();

export function listKeys(world: World): AgentKey[] {
  const used = lastUsed.get(world);
  return stored(world)
    .map((k) => ({ ...publicView(k), lastUsedAt: used?.get(k.id) ?? k.lastUsedAt }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Whether a live key already carries this name (names identify agents in the audit trail). */
export const nameInUse = (world: World, name: string) =>
  stored(world).some((k) => k.revokedAt === null && k.name.toLowerCase() === name.toLowerCase());

/**
 * Stores a key for `name`; a given secret (from the server's command line) keeps its id across
 * restarts and is stored once. Returns the key and its secret.
 */
export function issueKey(
  s: BackendServices,
  name: string,
  by: Assignee | null,
  given?: string,
): { key: AgentKey; secret: string; issued: boolean } {
  const secret = given ?? newSecret();
  const hash = hashSecret(secret);
  const id = given ? `k-${hash.slice(0, 12)}` : `k-${bytesToHex(randomBytes(6))}`;
  const existing = s.world.setting<StoredKey>(KEY + id);
  if (existing && existing.revokedAt === null && existing.name === name) {
    // The same key under the same name, given again at a restart: nothing was issued.
    return { key: publicView(existing), secret, issued: false };
  }
  const key: StoredKey = {
    id,
    name,
    hint: secret.slice(0, 7),
    createdAt: s.now(),
    createdBy: by,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    hash,
  };
  s.world.putSetting(KEY + id, key);
  return { key: publicView(key), secret, issued: true };
}

/**
 * Revokes the keys given at start for `name` other than `kept`: a secret the operator replaces
 * on the command line stops opening the API. Keys people issued on the agents screen stay.
 */
export function revokeReplacedStartKeys(
  s: BackendServices,
  name: string,
  kept: string,
): AgentKey[] {
  const replaced = stored(s.world).filter(
    (k) => k.name === name && k.createdBy === null && k.revokedAt === null && k.id !== kept,
  );
  return replaced.map((key) => {
    const revoked: StoredKey = { ...key, revokedAt: s.now(), revokedBy: null };
    s.world.putSetting(KEY + key.id, revoked);
    return publicView(revoked);
  });
}

/** Revokes a key; `revoked` is false when it already was (a repeat changes nothing). */
export function revokeKey(
  s: BackendServices,
  id: string,
  by: Assignee,
): { key: AgentKey; revoked: boolean } | null {
  const key = s.world.setting<StoredKey>(KEY + id);
  if (!key) return null;
  if (key.revokedAt !== null) return { key: publicView(key), revoked: false };
  const revoked: StoredKey = { ...key, revokedAt: s.now(), revokedBy: by };
  s.world.putSetting(KEY + id, revoked);
  return { key: publicView(revoked), revoked: true };
}

/** The agent a secret belongs to, or null when it is malformed, unknown or revoked. */
export function agentForSecret(world: World, secret: string, now: string): AgentPrincipal | null {
  if (!wellFormed(secret)) return null;
  const hash = hashSecret(secret);
  const key = stored(world).find((k) => k.hash === hash);
  if (!key || key.revokedAt !== null) return null;
  const used = lastUsed.get(world) ?? new Map<string, string>();
  lastUsed.set(world, used);
  used.set(key.id, now);
  return { kind: 'agent', name: key.name, keyId: key.id };
}

/** The secret in an `Authorization: Bearer …` header; undefined when there is no such header. */
export function bearerOf(headers: Headers): string | null | undefined {
  const value = headers.get('authorization');
  if (value === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return m ? m[1]! : null;
}
