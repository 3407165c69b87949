import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * The built-in AI beside the server: the reference agent (`agent/main.ts`) as a child process of
 * its own, speaking to the server over HTTP with a key registered at start, like any agent. The
 * server never revises a draft itself; this agent answers the redirects on its items. A child
 * that exits is started again after a pause, until the server stops.
 */

const AGENT_MAIN = fileURLToPath(new URL('../../agent/main.ts', import.meta.url));
const RESTART_MS = 2_000;

export interface BuiltInAgent {
  stop(): void;
}

export function startBuiltInAgent(options: {
  server: string;
  secret: string;
  /** Tickets per minute it brings in itself ("0": it only answers redirects). */
  rate: string;
}): BuiltInAgent {
  let child: ChildProcess | null = null;
  let stopped = false;
  const start = () => {
    // The same runtime and loader flags as this process (tsx), so TypeScript runs as here.
    child = spawn(
      process.execPath,
      [...process.execArgv, AGENT_MAIN, '--server', options.server, '--rate', options.rate],
      {
        // The key travels in the environment: arguments are visible to other users.
        env: { ...process.env, HANDOFF_DESK_AGENT_KEY: options.secret },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code, signal) => {
      child = null;
      if (stopped) return;
      console.warn(`The built-in agent stopped (${signal ?? `exit ${code}`}); starting it again.`);
      setTimeout(() => {
        if (!stopped) start();
      }, RESTART_MS).unref();
    });
  };
  start();
  return {
    stop() {
      stopped = true;
      child?.kill('SIGTERM');
    },
  };
}
