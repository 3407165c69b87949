import './zod-config';
import { z } from 'zod/mini';

/*
 * Keyset paging, shared by every list: the page a list replies with and the cursor it takes.
 */

export const CURSOR_DESCRIPTION = "Opaque; from the previous page's `nextCursor`.";

/** How many rows a list call answers with at most, 1 to `max`; `rows` names them for the document. */
export const limitParam = (max: number, rows: string) =>
  z.optional(z.int().check(z.gte(1), z.lte(max))).check(z.describe(`${rows}, 1 to ${max}.`));

/** One page of `item`: the rows, the cursor to the next page (null on the last), the total. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    /** Rows matching the filters, across all pages. */
    total: z.int().check(z.nonnegative()),
  });
