import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT_IN_AGENT_NAME } from '../../src/domain/actors';
import { newSecret } from '../core/agents/keys';
import { Backend } from '../core/backend';
import { newCursorSecret } from '../core/security/cursor-seal';
import { StorageVersionError } from '../persistence/migrations';
import { backupSqlite, restoreSqlite, sqlitePersistence } from '../persistence/sqlite';
import { DEMO_WORLD_SIZE } from '../seed/generate';
import { parseAgentKeyArg } from './auth/agent-keys';
import { oidcSignIn } from './auth/oidc';
import { type Grant, parseGrant } from './auth/oidc-grants';
import { signInService } from './auth/sign-in';
import { type BuiltInAgent, startBuiltInAgent } from './built-in-agent';
import { parseDuration } from './duration';
import { createHttpServer, DEFAULT_WRITES_PER_MINUTE } from './http';
import { webhookService } from './webhooks/service';

/*
 * `npm run serve`: the reference backend as a real HTTP server, with its world in SQLite and
 * the production build of the app on the same origin.
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.HANDOFF_DESK_DATA ?? '.data/handoff-desk.sqlite' },
    'seed-count': { type: 'string', default: String(DEMO_WORLD_SIZE) },
    static: { type: 'string', default: 'dist' },
    'no-static': { type: 'boolean', default: false },
    /** Lets POST /api/demo/reset restore the seed: for test and demo servers only. */
    'allow-reset': { type: 'boolean', default: false },
    /** Copies the database (live or not) to this file, consistently, and exits. */
    backup: { type: 'string' },
    /** Turns a backup into the database at --data (server stopped), and exits. */
    restore: { type: 'string' },
    /** Migrates without first copying the file aside. */
    'no-migration-backup': { type: 'boolean', default: false },
    /** How long an idempotency key is remembered: seconds, or a duration such as 90m or 24h. */
    'idempotency-ttl': { type: 'string', default: '24h' },
    /** Writes per person and minute before 429; 0 turns the limit off. */
    'rate-limit': { type: 'string', default: String(DEFAULT_WRITES_PER_MINUTE) },
    /** An origin allowed to call the API from a browser (repeatable); none by default. */
    'cors-origin': { type: 'string', multiple: true, default: [] },
    /** Behind a TLS-terminating proxy: believe X-Forwarded-Proto and send HSTS over https. */
    'trust-proxy': { type: 'boolean', default: false },
    /**
     * INSECURE: believe the X-Actor-Id header from anyone who reaches the port (the person
     * switcher of the demo), for local demos and tests. People sign in without it.
     */
    'insecure-actor-header': { type: 'boolean', default: false },
    /** A session unused this long ends (a duration such as 30m or 2h). */
    'session-idle': { type: 'string', default: '2h' },
    /** A session ends this long after sign-in, however busy. */
    'session-max': { type: 'string', default: '12h' },
    /** Sign-in through this OpenID Connect provider, beside local accounts. */
    'oidc-issuer': { type: 'string', default: process.env.HANDOFF_DESK_OIDC_ISSUER },
    'oidc-client-id': { type: 'string', default: process.env.HANDOFF_DESK_OIDC_CLIENT_ID },
    /** Better from HANDOFF_DESK_OIDC_CLIENT_SECRET: arguments are visible to other users. */
    'oidc-client-secret': { type: 'string', default: process.env.HANDOFF_DESK_OIDC_CLIENT_SECRET },
    /** The provider's name on the sign-in button. */
    'oidc-name': { type: 'string' },
    /** Lets webhooks point at loopback and private addresses (tests, agents on this machine). */
    'allow-private-webhooks': { type: 'boolean', default: false },
    /** Multiplies the webhook retry schedule (5 s … 10 h): 0.001 for tests. */
    'webhook-retry-scale': { type: 'string', default: '1' },
    /** How long a webhook receiver has to answer one delivery. */
    'webhook-timeout': { type: 'string', default: '15s' },
    /** An agent's API key, NAME=SECRET (repeatable), registered at start for scripts and CI. */
    'agent-key': { type: 'string', multiple: true, default: [] },
    /**
     * Starts no built-in agent beside the server (by default the reference agent runs as a
     * child process and answers the redirects on the built-in AI's items): for tests and
     * deployments whose agents connect by themselves.
     */
    'no-agent': { type: 'boolean', default: false },
    /**
     * Tickets per minute the built-in agent brings in itself; 0 only answers. By default it
     * follows the demo floor's arrivals where the server offers the floor (--allow-reset), and
     * brings none elsewhere.
     */
    'agent-rate': { type: 'string' },
    /** How long an agent's run lives without a heartbeat, in seconds. */
    'lease-seconds': { type: 'string', default: '30' },
    /** The ID-token claim that lists a person's groups. */
    'oidc-groups-claim': {
      type: 'string',
      default: process.env.HANDOFF_DESK_OIDC_GROUPS_CLAIM ?? 'groups',
    },
    /**
     * GROUP=ROLE:LEVEL, repeatable (or HANDOFF_DESK_OIDC_GRANTS, comma-separated): what a group
     * grants; a person in a mapped group is let in on first sign-in, kept in step after.
     */
    'oidc-grant': { type: 'string', multiple: true },
  },
});

const dataFile = resolve(values.data);
const leaseSeconds = Number(values['lease-seconds']);
if (!Number.isInteger(leaseSeconds) || leaseSeconds < 1) {
  console.error('Handoff Desk cannot start: --lease-seconds wants a whole number of seconds.');
  process.exit(1);
}

/** A store this build cannot read stops the start with the reason, the file untouched. */
function refuse(error: unknown): never {
  if (!(error instanceof StorageVersionError)) throw error;
  console.error(`Handoff Desk cannot start: ${error.message}`);
  process.exit(1);
}

if (values.backup) {
  const target = resolve(values.backup);
  await backupSqlite(dataFile, target);
  console.log(`Backed up ${dataFile} to ${target}`);
  process.exit(0);
}
if (values.restore) {
  const source = resolve(values.restore);
  mkdirSync(dirname(dataFile), { recursive: true });
  await restoreSqlite(source, dataFile).catch(refuse);
  console.log(`Restored ${source} to ${dataFile}`);
  process.exit(0);
}

mkdirSync(dirname(dataFile), { recursive: true });

/** A secret kept beside the database (owner-only), made once: it outlives a restart. */
function secretBeside(suffix: string, make: () => string): string {
  const file = `${dataFile}.${suffix}`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = make();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The key cursors are signed with, so cursors a client holds stay valid across a restart. */
const cursorSecret = () => secretBeside('cursor-key', newCursorSecret);

/** The built-in agent's key, so its key record stays one across restarts. */
const builtInAgentSecret = () => secretBeside('agent-key', newSecret);

const log = (line: string) => console.log(line);
let persistence: ReturnType<typeof sqlitePersistence>;
let backend: Backend;
try {
  persistence = sqlitePersistence(dataFile, { backup: !values['no-migration-backup'], log });
  backend = await Backend.create({
    persistence,
    count: Number(values['seed-count']),
    allowReset: values['allow-reset'],
    idempotencyTtlMs: parseDuration(values['idempotency-ttl']),
    cursorSecret: cursorSecret(),
    trustActorHeader: values['insecure-actor-header'],
    leaseSeconds: Number(values['lease-seconds']),
  });
  if (!values['no-agent']) {
    await backend.registerAgentKey(BUILT_IN_AGENT_NAME, builtInAgentSecret());
  }
  for (const arg of values['agent-key']) {
    const parsed = parseAgentKeyArg(arg);
    if (typeof parsed === 'string') {
      console.error(`Handoff Desk cannot start: ${parsed}`);
      process.exit(1);
    }
    await backend.registerAgentKey(parsed.name, parsed.secret);
    console.log(`Agent key registered for ${parsed.name}`);
  }
} catch (error) {
  refuse(error);
}

const issuer = values['oidc-issuer'];
if (issuer && !(values['oidc-client-id'] && values['oidc-client-secret'])) {
  console.error('Handoff Desk cannot start: --oidc-issuer needs --oidc-client-id and a secret.');
  process.exit(1);
}
let grants: Grant[];
try {
  grants = (values['oidc-grant'] ?? process.env.HANDOFF_DESK_OIDC_GRANTS?.split(',') ?? [])
    .filter((g) => g.trim())
    .map(parseGrant);
} catch (error) {
  console.error(`Handoff Desk cannot start: ${(error as Error).message}`);
  process.exit(1);
}
const oidc = issuer
  ? await oidcSignIn({
      issuer,
      clientId: values['oidc-client-id']!,
      clientSecret: values['oidc-client-secret']!,
      name: values['oidc-name'],
      groupsClaim: values['oidc-groups-claim'],
      grants,
      // Only a provider on this machine may be reached over plain http.
      allowHttp: /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(issuer),
    })
  : null;
const signIn = signInService({
  db: persistence.database,
  sessions: {
    idleMs: parseDuration(values['session-idle']),
    absoluteMs: parseDuration(values['session-max']),
  },
  oidc,
});
// The world knows everyone who may sign in, so their names and levels resolve from the start.
for (const user of signIn.people.users()) backend.state.users.set(user.id, user);
const sweepSessions = setInterval(() => signIn.sessions.sweep(), 10 * 60 * 1000);
sweepSessions.unref();
if (values['insecure-actor-header']) {
  console.warn(
    'WARNING: --insecure-actor-header is on: anyone who can reach this port can act as anyone ' +
      'by naming them in X-Actor-Id. Use it for local demos and tests only.',
  );
} else if (signIn.people.list().length === 0 && !oidc) {
  console.warn('No one can sign in yet: add a person with `npm run people -- add …`.');
}
// Gate defaults and SLA escalations fall due with no browser open: the server applies them.
const stopTicking = backend.startTicking();
const retryScale = Number(values['webhook-retry-scale']);
if (!(retryScale > 0)) {
  console.error('Handoff Desk cannot start: --webhook-retry-scale must be a positive number.');
  process.exit(1);
}
const webhooks = webhookService({
  db: persistence.database,
  backend,
  allowPrivate: values['allow-private-webhooks'],
  retryScale,
  timeoutMs: parseDuration(values['webhook-timeout']),
});
webhooks.start();
const server = createHttpServer({
  backend,
  staticDir: values['no-static'] ? undefined : values.static,
  trustProxy: values['trust-proxy'],
  corsOrigins: values['cors-origin'],
  rateLimit: { limit: Number(values['rate-limit']) },
  signIn,
  insecureActorHeader: values['insecure-actor-header'],
  webhooks,
});

let builtInAgent: BuiltInAgent | null = null;
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const origin = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`;
  console.log(`Handoff Desk server on ${origin} (data: ${dataFile})`);
  if (!values['no-agent']) {
    builtInAgent = startBuiltInAgent({
      server: origin,
      secret: builtInAgentSecret(),
      rate: values['agent-rate'] ?? (values['allow-reset'] ? 'demo' : '0'),
    });
  }
});

function shutdown() {
  builtInAgent?.stop();
  stopTicking();
  const stopped = webhooks.stop();
  server.close(() => {
    void stopped.then(() => {
      persistence.close();
      process.exit(0);
    });
  });
  // Change streams never end by themselves: give answers in flight a moment, then cut what is
  // left (a cut write is still committed or not at all; its retry replays by idempotency key).
  setTimeout(() => server.closeAllConnections(), 1000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
