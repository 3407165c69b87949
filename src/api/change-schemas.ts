import './zod-config';
import { z } from 'zod/mini';
import { actorSchema, isoDate } from './handoff-schemas';

/*
 * Versioned resources (the routing policy, the team directory): each carries a version that
 * every change is made on, who changed it last, and a history in which every change records
 * who made it, when and why.
 */

/** A resource's version: 1 at first, one more with every change. */
export const versionSchema = z.int().check(z.positive());

/** Who changed the resource last, and when. */
export const lastUpdate = { updatedAt: isoDate, updatedBy: actorSchema };

/** The reason a change gives; `prompt` asks for it, e.g. "Say why the teams change". */
export const changeReason = (prompt: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(5, `${prompt} (at least 5 characters).`),
      z.maxLength(1000, 'The reason is longer than 1,000 characters.'),
    );

/** What every entry of a resource's history starts with: its id, when, by whom and why. */
export const changeRecord = {
  /** `<resource>-v<after.version>`: unique in the history and stable across replays. */
  id: z.string(),
  at: isoDate,
  by: actorSchema,
  reason: z.string(),
};
