import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { SERVICES } from '../src/service-registry.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const LAUNCHER = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PlatformProcess {
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the built launcher (what `./haat start` runs) with `env`, from the repository root. */
export function startPlatform(env: Record<string, string>): PlatformProcess {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: build first (./haat test does)`);
  let out = '';
  const child = spawn(process.execPath, [LAUNCHER], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
      }),
  };
}

export interface HttpReply {
  status: number;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * One HTTP request with any `Host` (fetch forbids setting it): how a browser reaches
 * `demo.localhost` while we connect to 127.0.0.1.
 */
export function http(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<HttpReply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: {
          ...headers,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, json: <T>() => JSON.parse(text) as T }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls `url` until it answers 200 (or the process dies, or time runs out). */
export async function waitForOk(
  url: string,
  proc: PlatformProcess,
  timeoutMs = 120_000,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`platform exited with ${proc.child.exitCode}:\n${proc.output()}`);
    try {
      const res = await http('GET', url, headers);
      if (res.status === 200) return res;
      last = `${res.status} ${res.text}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(500);
  }
  throw new Error(`${url} never answered 200 (last: ${last})\n${proc.output()}`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A `HAAT_PORT_OFFSET` whose every port (gateway, embedded PostgreSQL, mailbox, each service's
 * HTTP and gRPC) is free: a random one could land a service on RabbitMQ's or Redis's port.
 */
export async function freePortOffset(): Promise<number> {
  const bases = [
    8080,
    54_329,
    2525,
    ...SERVICES.flatMap((s) => [s.httpPort, ...(s.grpcPort ? [s.grpcPort] : [])]),
  ];
  for (let attempt = 0; attempt < 50; attempt++) {
    const offset = 1_000 + Math.floor(Math.random() * 4_000);
    const free = await Promise.all(bases.map((b) => portFree(b + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error('no free port range for a platform');
}
