import '../api/zod-config';
import { z } from 'zod/mini';

/*
 * Runtime configuration, read from config.json next to index.html so one build can point at
 * any backend. A VITE_API_BASE_URL set at build time wins over the file.
 */

const runtimeConfigSchema = z.object({
  apiBaseUrl: z._default(z.string().check(z.minLength(1)), '/api'),
  /**
   * In a demo build, run the backend inside the browser (the default) or, when false, talk to
   * the backend at apiBaseUrl. Builds without the demo flag always talk to apiBaseUrl.
   */
  demo: z._default(z.boolean(), true),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export async function loadConfig(): Promise<RuntimeConfig> {
  const fromBuild = import.meta.env.VITE_API_BASE_URL as string | undefined;
  let fromFile: unknown = {};
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
    if (res.ok) fromFile = await res.json();
  } catch {
    // No config file: fall back to the defaults.
  }
  const parsed = runtimeConfigSchema.safeParse(fromFile);
  const config = parsed.success ? parsed.data : runtimeConfigSchema.parse({});
  return fromBuild ? { ...config, apiBaseUrl: fromBuild } : config;
}

/** Absolute form of the base URL, resolved against the page. */
export function resolveBaseUrl(apiBaseUrl: string): string {
  return new URL(apiBaseUrl, window.location.href).toString().replace(/\/$/, '');
}
