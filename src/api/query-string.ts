import './zod-config';
import type { z } from 'zod/mini';

/*
 * The one query-string encoding of the contract, read off an operation's query schema: a list
 * is comma-separated, a boolean is `true`/`false`, a number is its decimal text, anything else
 * its plain text. The client encodes with it and the backends decode with it.
 */

type Kind = 'list' | 'boolean' | 'number' | 'text';

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };

/** What a field is once its optional, default and similar wrappers are looked through. */
function kindOf(schema: z.core.$ZodType): Kind {
  let current: z.core.$ZodType | undefined = schema;
  while (current) {
    const def = current._zod.def as Def;
    if (def.type === 'array') return 'list';
    if (def.type === 'boolean') return 'boolean';
    if (def.type === 'number' || def.type === 'bigint') return 'number';
    current = def.innerType ?? def.in;
  }
  return 'text';
}

function kinds(schema: z.ZodMiniObject): [string, Kind][] {
  return Object.entries(schema.shape).map(([key, field]) => [key, kindOf(field)]);
}

/** Leaves out what is unset, empty text and empty lists; keys in the schema's order. */
export function encodeQuery<S extends z.ZodMiniObject>(
  schema: S,
  values: z.input<S> | undefined,
): URLSearchParams {
  const search = new URLSearchParams();
  if (!values) return search;
  const given = values as Record<string, unknown>;
  for (const [key, kind] of kinds(schema)) {
    const value = given[key];
    if (value === undefined || value === null || value === '') continue;
    if (kind === 'list' && Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  return search;
}

/** Reads the schema's keys from `search` and checks them with it. */
export function decodeQuery<S extends z.ZodMiniObject>(
  schema: S,
  search: URLSearchParams,
): z.core.util.SafeParseResult<z.output<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, kind] of kinds(schema)) {
    const value = search.get(key);
    if (value === null) continue;
    if (kind === 'list') {
      if (value) raw[key] = value.split(',').filter(Boolean);
    } else if (kind === 'boolean') raw[key] = value === 'true';
    else if (kind === 'number') raw[key] = Number(value);
    else raw[key] = value;
  }
  return schema.safeParse(raw);
}
