import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';

/*
 * What the sign-in journeys run against: the real server started as a team would start it
 * (no insecure flag), with people added by the admin command, and an OpenID Connect provider
 * of its own on a loopback port (oidc-provider, which accepts any login on its own pages).
 */

const host = '127.0.0.1';

/** A port free right now: the provider must know the app's callback before the app starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Every login `<name>` on the provider's page is `<name>@example.test`, verified; a login
 * that starts with `lead-` is in the `support-leads` group.
 */
export async function startIdentityProvider(appOrigin: string): Promise<IdentityProvider> {
  const port = await freePort();
  const issuer = `http://${host}:${port}`;
  const clientId = 'handoff-desk';
  const clientSecret = 'e2e-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appOrigin}/api/session/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // The ID token carries the claims, as most organisation providers send them.
    conformIdTokenClaims: false,
    cookies: { keys: ['e2e-cookie-key'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        email: `${sub}@example.test`,
        email_verified: true,
        name: sub.replace(/^\w/, (c) => c.toUpperCase()),
        groups: sub.startsWith('lead-') ? ['everyone', 'support-leads'] : ['everyone'],
      }),
    }),
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Person {
  id: string;
  name: string;
  role: string;
  level: string;
  password?: string;
  email?: string;
}

export interface SignInServer {
  origin: string;
  dataFile: string;
  /** What the server has written to its console so far. */
  output(): string;
  stop(): Promise<void>;
}

/** One node process with tsx loaded: a signal reaches the server itself, not a wrapper. */
const tsx = (args: string[]) => ['--import', 'tsx', ...args];

/** Adds people with the admin command, as an admin would before the first start. */
export function addPeople(dataFile: string, people: Person[]) {
  for (const p of people) {
    const args = ['mocks/server/people-cli.ts', 'add', '--data', dataFile, '--id', p.id];
    args.push('--name', p.name, '--role', p.role, '--level', p.level);
    if (p.email) args.push('--email', p.email);
    args.push(p.password ? '--password-stdin' : '--no-password');
    const run = spawnSync(process.execPath, tsx(args), {
      input: `${p.password ?? ''}\n`,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`people add ${p.id} failed: ${run.stderr}`);
  }
}

/** The server with sign-in, on a port of its own, over a fresh database holding `people`. */
export async function startSignInServer(
  people: Person[],
  options: {
    port?: number;
    oidc?: IdentityProvider;
    grants?: string[];
    /** Started with --insecure-actor-header, as a local demo would be. */
    insecure?: boolean;
  } = {},
): Promise<SignInServer> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-desk-signin-'));
  const dataFile = join(dir, 'desk.sqlite');
  addPeople(dataFile, people);
  const port = options.port ?? (await freePort());
  const args = ['mocks/server/main.ts', '--host', host, '--port', String(port)];
  args.push('--data', dataFile, '--seed-count', '300', '--static', 'dist');
  if (options.insecure) args.push('--insecure-actor-header');
  const env = { ...process.env };
  if (options.oidc) {
    args.push('--oidc-issuer', options.oidc.issuer, '--oidc-client-id', options.oidc.clientId);
    args.push('--oidc-name', 'Example SSO');
    for (const grant of options.grants ?? []) args.push('--oidc-grant', grant);
    // The secret goes through the environment: arguments show in the process list.
    env.HANDOFF_DESK_OIDC_CLIENT_SECRET = options.oidc.clientSecret;
  }
  const child: ChildProcess = spawn(process.execPath, tsx(args), {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start:\n${output}`)),
      30_000,
    );
    const hear = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Handoff Desk server on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.on('exit', (code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
  return {
    origin: `http://${host}:${port}`,
    dataFile,
    output: () => output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { freePort };
