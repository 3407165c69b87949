import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, passthrough } from 'msw';
import { Backend, type BackendOptions } from '../../mocks/core/backend';
import { sqlitePersistence } from '../../mocks/persistence/sqlite';
import { type SignIn, type SignInOptions, signInService } from '../../mocks/server/auth/sign-in';
import { createHttpServer, type HttpServerOptions } from '../../mocks/server/http';
import { server as mswServer } from '../msw';

/*
 * The reference backend as it is deployed: node:http in front, SQLite behind, on a free
 * loopback port. Every vitest file runs under MSW with unhandled requests as errors, so tests
 * that talk to a real server must let loopback traffic through first.
 */

export interface RunningServer {
  baseUrl: string;
  backend: Backend;
  file: string;
  /** Accounts and sessions, when the server was started with sign-in. */
  signIn: SignIn | null;
  /** Closes the listener and the database, once; the file stays for a restart. */
  stop(): Promise<void>;
}

/** A fresh directory for one SQLite world (WAL mode adds -wal and -shm files next to it). */
export function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'handoff-desk-')), 'world.sqlite');
}

export function removeDbFile(file: string): void {
  rmSync(join(file, '..'), { recursive: true, force: true });
}

export async function startServer(
  file: string,
  options: Omit<BackendOptions, 'persistence'> & {
    http?: Omit<HttpServerOptions, 'backend' | 'signIn'>;
    /** People sign in (over the server's own database); X-Actor-Id is then not believed. */
    signIn?: Omit<SignInOptions, 'db'>;
  } = {},
): Promise<RunningServer> {
  const { http: httpOptions, signIn: signInOptions, ...backendOptions } = options;
  const persistence = sqlitePersistence(file);
  const backend = await Backend.create({
    count: 200,
    ...(signInOptions ? { trustActorHeader: false } : {}),
    ...backendOptions,
    persistence,
  });
  const signIn = signInOptions
    ? signInService({ ...signInOptions, db: persistence.database })
    : null;
  // The other suites speak as people through X-Actor-Id, as a server started with the flag.
  const server = createHttpServer({
    backend,
    insecureActorHeader: !signIn,
    ...(signIn ? { signIn } : {}),
    ...httpOptions,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    backend,
    file,
    signIn,
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeServer(server);
      persistence.close();
    },
  };
}

/**
 * The servers and database files a test file makes, so that one `clear()` (after each test, or
 * after all of them) stops every server still running and removes every file: `file()` is a
 * fresh database file, `start()` a server on one, `stop()` ends one early (for a restart).
 */
export function serverPool() {
  const running: RunningServer[] = [];
  const files: string[] = [];
  return {
    file(): string {
      const file = tempDbFile();
      files.push(file);
      return file;
    },
    async start(file: string, options?: Parameters<typeof startServer>[1]) {
      const server = await startServer(file, options);
      running.push(server);
      return server;
    },
    async stop(server: RunningServer) {
      const at = running.indexOf(server);
      if (at >= 0) running.splice(at, 1);
      await server.stop();
    },
    async clear() {
      for (const server of running.splice(0)) await server.stop();
      for (const file of files.splice(0)) removeDbFile(file);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets from fetch would otherwise hold the listener open.
    server.closeAllConnections();
  });
}

/**
 * Lets requests to loopback servers reach the network. Runtime handlers are reset after each
 * test, so call this in a beforeEach. A RegExp rather than a path pattern: MSW decodes the
 * parameters of path patterns, which would throw on the malformed escapes the fuzzer sends.
 */
export function allowLoopback(): void {
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
}

export interface CallReply {
  status: number;
  contentType: string;
  headers: Headers;
  body: unknown;
}

export interface CallOptions {
  /** Who acts by X-Actor-Id; null names no one (a session cookie may, in `headers`). */
  actor?: string | null;
  key?: string;
  json?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** One API request as the app makes it: a person, a fresh or given key, a JSON body. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallReply> {
  const headers = new Headers(options.headers);
  const actor = options.actor === undefined ? 'u-ana' : options.actor;
  if (actor !== null) headers.set('X-Actor-Id', actor);
  if (method !== 'GET' && method !== 'DELETE' && !headers.has('idempotency-key')) {
    headers.set('Idempotency-Key', options.key ?? crypto.randomUUID());
  }
  if (options.json !== undefined) headers.set('content-type', 'application/json');
  const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const response = await fetch(`${baseUrl}${path}${search}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  const reply = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : undefined,
  };
  // Not enumerable, so a replay compares equal to its original whatever its Date header says.
  return Object.defineProperty(reply, 'headers', { value: response.headers }) as CallReply;
}
