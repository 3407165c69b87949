import type { z } from 'zod';
import type { Actor, Handoff, User } from '../../../src/api/schemas';
import type { ApiReply } from '../http-types';
import { invalid, notFound } from '../route-kit';
import type { BackendServices } from '../services';

export const personOf = (u: User): Actor => ({ type: 'person', id: u.id, name: u.name });
export const holderOf = (u: User) => ({ id: u.id, name: u.name });

/** Parses a write's body and finds its item: the steps every item write starts with. */
export function withItem<T>(
  s: BackendServices,
  schema: z.ZodType<T>,
  json: unknown,
  id: string,
  run: (body: T, h: Handoff) => ApiReply,
): ApiReply {
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalid(parsed.error);
  const h = s.world.handoffs.get(id);
  if (!h) return notFound(id);
  return run(parsed.data, h);
}
