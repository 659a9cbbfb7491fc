import { performance } from 'node:perf_hooks';
import { ConflictError } from '@haat/common';
import type { CheckResult, LivenessReport, ReadinessReport } from './health.schema.js';

/** A readiness check: resolves when the dependency is usable, throws (or rejects) when not. */
export type HealthCheck = () => Promise<unknown> | unknown;

/** Options of {@link HealthRegistry}. */
export interface HealthRegistryOptions {
  /** How long a check may take before it counts as failed. Default 2000 ms. */
  defaultTimeoutMs?: number;
}

interface RegisteredCheck {
  check: HealthCheck;
  timeoutMs: number;
}

class CheckTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

async function runWithTimeout(check: HealthCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The service's named readiness checks (database, bus, cache…). `live()` answers without
 * touching dependencies; `ready()` runs every check at once, each bounded by its timeout.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, RegisteredCheck>();
  private readonly defaultTimeoutMs: number;

  constructor(options: HealthRegistryOptions = {}) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 2000;
  }

  /** Adds a check under `name`; a second check with the same name throws `HEALTH_CHECK_DUPLICATE`. */
  register(name: string, check: HealthCheck, options: { timeoutMs?: number } = {}): void {
    if (this.checks.has(name)) {
      throw new ConflictError('HEALTH_CHECK_DUPLICATE', `A health check named ${name} exists`, {
        name,
      });
    }
    this.checks.set(name, { check, timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs });
  }

  /** Liveness: always `ok` while the process can answer. */
  live(): LivenessReport {
    return { status: 'ok' };
  }

  /** Readiness: every check's outcome; `error` overall when any check failed or timed out. */
  async ready(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, { check, timeoutMs }]): Promise<[string, CheckResult]> => {
        const started = performance.now();
        const durationMs = () => Math.round(performance.now() - started);
        try {
          await runWithTimeout(check, timeoutMs);
          return [name, { status: 'ok', durationMs: durationMs() }];
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [name, { status: 'error', error: message, durationMs: durationMs() }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const status = entries.every(([, result]) => result.status === 'ok') ? 'ok' : 'error';
    return { status, checks };
  }
}

/** The HTTP status of a readiness report: 200 when ready, 503 when not. */
export function readinessHttpStatus(report: ReadinessReport): 200 | 503 {
  return report.status === 'ok' ? 200 : 503;
}
