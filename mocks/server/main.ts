import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../core/backend';
import { sqlitePersistence } from '../persistence/sqlite';
import { createHttpServer } from './http';

/*
 * `npm run serve`: the reference backend as a real HTTP server, with its world in SQLite and
 * the production build of the app on the same origin.
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.HANDOFF_DESK_DATA ?? '.data/handoff-desk.sqlite' },
    'seed-count': { type: 'string', default: '600' },
    static: { type: 'string', default: 'dist' },
    'no-static': { type: 'boolean', default: false },
    /** Lets POST /api/demo/reset restore the seed: for test and demo servers only. */
    'allow-reset': { type: 'boolean', default: false },
  },
});

const dataFile = resolve(values.data);
mkdirSync(dirname(dataFile), { recursive: true });
const persistence = sqlitePersistence(dataFile);
const backend = await Backend.create({
  persistence,
  count: Number(values['seed-count']),
  allowReset: values['allow-reset'],
});
// Gate defaults and SLA escalations fall due with no browser open: the server applies them.
const stopTicking = backend.startTicking();
const server = createHttpServer({
  backend,
  staticDir: values['no-static'] ? undefined : values.static,
});

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(`Handoff Desk server on http://${values.host}:${port} (data: ${dataFile})`);
});

function shutdown() {
  stopTicking();
  server.close(() => {
    persistence.close();
    process.exit(0);
  });
  // Change streams never end by themselves: give answers in flight a moment, then cut what is
  // left (a cut write is still committed or not at all; its retry replays by idempotency key).
  setTimeout(() => server.closeAllConnections(), 1000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
