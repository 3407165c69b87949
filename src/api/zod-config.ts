import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The server's Content-Security-Policy forbids eval. Zod probes `new Function` when it builds
// an object schema unless told not to, and the browser reports that probe as a violation; so
// every module that builds schemas imports this first, whichever chunk it lands in.
// zod/mini carries no locale of its own: English gives the same default messages as before.
z.config({ jitless: true, ...en() });

/** The enum without some of its values, as classic zod's `.exclude()` made it. */
export function enumWithout<
  const T extends Readonly<Record<string, string>>,
  const U extends readonly (keyof T)[],
>(schema: z.ZodMiniEnum<T>, values: U) {
  const entries = Object.fromEntries(
    Object.entries(schema.def.entries).filter(([key]) => !values.includes(key)),
  ) as { [K in Exclude<keyof T, U[number]>]: T[K] };
  return z.enum(entries);
}
