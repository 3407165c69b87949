/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" in the demo build: the mock backend runs in the browser. */
  readonly VITE_DEMO?: string;
  /** Overrides config.json's apiBaseUrl at build time. */
  readonly VITE_API_BASE_URL?: string;
}
