import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ACTOR_HEADER } from '../../src/api/headers';
import { operations } from '../../src/api/operations';
import { makeProblem } from '../../src/api/problem';
import type { Backend } from '../core/backend';
import { isAgent, type Principal } from '../core/principal';
import { problemReply } from '../core/route-kit';
import { openChangeStream, sseHeaders } from '../core/sse';
import { agentKeyAuthenticator } from './auth/agent-keys';
import { type Authenticator, authenticate } from './auth/authenticate';
import { overHttps } from './auth/cookies';
import { answerSignIn } from './auth/routes';
import { crossSiteRefusal } from './auth/same-origin';
import type { SignIn } from './auth/sign-in';
import { handleCors } from './cors';
import { answerClientError, sendProblem, sendReply } from './problems';
import { type RateLimiter, type RateLimitOptions, rateLimiter } from './rate-limit';
import { applySecurityHeaders } from './security-headers';
import { type StaticHandler, staticFiles } from './static-files';
import { answerWebhooks } from './webhooks/routes';
import type { WebhookService } from './webhooks/service';

export interface HttpServerOptions {
  backend: Backend;
  /** The built SPA to serve next to the API; omit for an API-only server. */
  staticDir?: string;
  apiPrefix?: string;
  maxBodyBytes?: number;
  /** Behind a TLS-terminating proxy: believe its X-Forwarded-Proto (enables HSTS). */
  trustProxy?: boolean;
  /** Origins allowed to call the API from a browser; none unless listed. */
  corsOrigins?: readonly string[];
  /** Writes per person and minute; 600 unless set, 0 for no limit. */
  rateLimit?: Partial<RateLimitOptions>;
  /** Accounts and sessions: people sign in, and the session names who acts. */
  signIn?: SignIn;
  /**
   * Believes X-Actor-Id from anyone who can reach the port: for local demos and tests only.
   * Without it the header is dropped before the core sees the request.
   */
  insecureActorHeader?: boolean;
  /** Webhook endpoints and their deliveries; without it /webhooks is not served. */
  webhooks?: WebhookService;
}

/** Generous for people clicking and for the test suites; a runaway script still meets it. */
export const DEFAULT_WRITES_PER_MINUTE = 600;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The change stream: held open until the client goes away. */
function streamChanges(
  backend: Backend,
  headers: Headers,
  principal: Principal | undefined,
  res: ServerResponse,
  head: boolean,
) {
  const refused = backend.authorizeStream({ headers, principal });
  if (refused) {
    sendReply(res, refused, head);
    return;
  }
  res.writeHead(200, sseHeaders);
  if (head) {
    res.end();
    return;
  }
  res.flushHeaders();
  const close = openChangeStream(backend, (chunk) => {
    if (!res.writableEnded) res.write(chunk);
  });
  res.on('close', close);
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

interface ApiContext {
  backend: Backend;
  apiPrefix: string;
  maxBodyBytes: number;
  limiter: RateLimiter;
  /** Who each request was found to be, for the write limiter's key. */
  identities: WeakMap<IncomingMessage, string>;
  signIn?: SignIn;
  insecureActorHeader: boolean;
  trustProxy: boolean;
  origins: ReadonlySet<string>;
  webhooks?: WebhookService;
  /** Agents' keys first, then people's sessions. */
  authenticators: readonly Authenticator[];
}

function apiHandler(c: ApiContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    const https = overHttps(req, c.trustProxy);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    if (!c.insecureActorHeader) headers.delete(ACTOR_HEADER);
    const identified = authenticate(c.authenticators, req, https);
    const actorId = headers.get(ACTOR_HEADER);
    const principal =
      identified?.principal ?? (actorId ? c.backend.state.users.get(actorId) : undefined);
    const identity = isAgent(principal) ? `agent:${principal.name}` : (principal?.id ?? actorId);
    if (identity) c.identities.set(req, identity);
    if (isWrite(method)) {
      const refused = identified?.ambient ? crossSiteRefusal(req, https, c.origins) : null;
      if (refused) {
        req.resume();
        sendReply(res, problemReply(makeProblem('forbidden', refused)));
        return;
      }
      const wait = c.limiter(req);
      if (wait !== null) {
        req.resume();
        sendProblem(res, 'rate_limited', `Too many writes; try again in ${wait} s.`, {
          headers: { 'retry-after': String(wait) },
        });
        return;
      }
    }
    // Any method may carry a body, and any body is held to the limit.
    const body = method === 'GET' || head ? null : await readBody(req, c.maxBodyBytes);
    const path = url.pathname.slice(c.apiPrefix.length) || '/';
    if (c.signIn) {
      const answered = await answerSignIn(c.signIn, {
        req,
        method,
        path,
        query: url.searchParams,
        body,
        https,
        principal: principal && !isAgent(principal) ? principal : null,
        insecureActorHeader: c.insecureActorHeader,
        corsOrigins: c.origins,
      });
      if (answered) {
        sendReply(res, answered, head);
        return;
      }
    }
    if (c.webhooks) {
      const answered = await answerWebhooks(c.webhooks, {
        method,
        path,
        query: url.searchParams,
        body,
        principal: principal ?? null,
      });
      if (answered) {
        sendReply(res, answered, head);
        return;
      }
    }
    if ((method === 'GET' || head) && path.replace(/\/$/, '') === operations.streamChanges.path) {
      streamChanges(c.backend, headers, identified?.principal, res, head);
      return;
    }
    const reply = await c.backend.handle({
      method,
      path,
      query: url.searchParams,
      headers,
      body: body || null,
      principal: identified?.principal,
    });
    sendReply(res, reply, head);
  };
}

/** The reference backend over real HTTP, serving the SPA on the same origin. */
export function createHttpServer({
  backend,
  staticDir,
  apiPrefix = '/api',
  maxBodyBytes = 256 * 1024,
  trustProxy = false,
  corsOrigins = [],
  rateLimit = {},
  signIn,
  insecureActorHeader = false,
  webhooks,
}: HttpServerOptions): Server {
  const serveStatic: StaticHandler = staticDir
    ? staticFiles(staticDir)
    : async (req, res) =>
        sendProblem(res, 'not_found', 'This server only serves the API.', {
          head: req.method === 'HEAD',
        });
  const identities = new WeakMap<IncomingMessage, string>();
  const limiter = rateLimiter({
    limit: DEFAULT_WRITES_PER_MINUTE,
    key: (req) => identities.get(req) ?? null,
    ...rateLimit,
  });
  const origins = new Set(corsOrigins);
  const serveApi = apiHandler({
    backend,
    apiPrefix,
    maxBodyBytes,
    limiter,
    identities,
    signIn,
    insecureActorHeader,
    trustProxy,
    origins,
    webhooks,
    authenticators: [agentKeyAuthenticator(backend), ...(signIn?.authenticators ?? [])],
  });

  const server = createServer(async (req, res) => {
    applySecurityHeaders(req, res, { trustProxy });
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === apiPrefix || url.pathname.startsWith(`${apiPrefix}/`)) {
        if (handleCors(req, res, origins)) return;
        await serveApi(req, res, url);
        return;
      }
      await serveStatic(req, res, url.pathname);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendProblem(
          res,
          'payload_too_large',
          `Request bodies are limited to ${maxBodyBytes} bytes.`,
        );
        return;
      }
      // The cause goes to the log, never into the answer.
      console.error('Request failed', error);
      if (!res.headersSent) sendProblem(res, 'internal', 'The server failed to answer.');
      else res.destroy();
    }
  });
  server.on('clientError', answerClientError);
  return server;
}
