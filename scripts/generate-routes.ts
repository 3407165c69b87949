import { Generator, getConfig } from '@tanstack/router-generator';

/*
 * Writes src/routeTree.gen.ts from src/routes, as the Vite plugin does on a build or a dev
 * server start: the same generator and the same settings (tsr.config.json), so `tsc` can
 * type-check a fresh clone before anything has run Vite.
 */
const root = process.cwd();
await new Generator({ config: getConfig({}, root), root }).run();
