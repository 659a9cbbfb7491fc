import type { SessionRevocationsResponse } from '@haat/contracts';
import type { Logger } from 'pino';
import type { RevokedSessions } from './revoked-sessions.js';

/**
 * Revocations are stamped by auth-service before its transaction commits, so one committed
 * late can carry a time earlier than the newest one already seen: each poll re-reads this much
 * before it (entries are merged by session id, so repeats cost nothing).
 */
const COMMIT_OVERLAP_MS = 60_000;
/** Outage warnings at most this often. */
const WARN_EVERY_MS = 30_000;
/** The longest start-up waits for the backfill (a silent auth-service must not hold it). */
const START_WAIT_MS = 5_000;

/** Options of {@link RevocationPoller}. */
export interface RevocationPollerOptions {
  /** `GET /internal/v1/auth/revocations?since=` on auth-service. */
  fetch: (since: Date, signal: AbortSignal) => Promise<SessionRevocationsResponse['items']>;
  sessions: RevokedSessions;
  intervalMs: number;
  /** How far back the first poll reads (the longest an access token lives, plus skew). */
  lookbackMs: number;
  logger: Logger;
  onPoll?: (ok: boolean, revoked: number) => void;
  now?: () => number;
}

/**
 * Keeps {@link RevokedSessions} current by polling auth-service: a start-up backfill of the
 * last `lookbackMs`, then every `intervalMs` from the newest revocation seen. The gateway
 * polls instead of consuming `auth.session-revoked.v1`: it owns no database for an inbox nor a
 * durable consumer, every instance needs every revocation (a queue group would hand each to
 * one instance), and a short interval bounds how long a revoked session still passes. A failed
 * poll keeps the list it has — while auth-service is down nobody can sign out anyway.
 */
export class RevocationPoller {
  private since: Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private stopped = false;
  private failingSince: number | undefined;
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(private readonly options: RevocationPollerOptions) {
    this.now = options.now ?? Date.now;
    this.since = new Date(this.now() - options.lookbackMs);
  }

  /**
   * Runs the backfill, then polls on. Waits for the backfill up to 5 s; a failure is logged,
   * not thrown (access tokens get 503 until a poll succeeds).
   */
  async start(): Promise<void> {
    const first = this.pollOnce().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    this.running = first;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, START_WAIT_MS);
    });
    await Promise.race([first, waited]);
    clearTimeout(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    let items: SessionRevocationsResponse['items'];
    try {
      items = await this.options.fetch(this.since, this.abort.signal);
    } catch (error) {
      if (this.stopped) return;
      this.options.onPoll?.(false, this.options.sessions.size);
      this.failingSince ??= this.now();
      if (this.now() - this.lastWarnAt >= WARN_EVERY_MS) {
        this.lastWarnAt = this.now();
        this.options.logger.warn(
          { err: error, loaded: this.options.sessions.isLoaded },
          this.options.sessions.isLoaded
            ? 'revoked-session poll failed; keeping the list in hand'
            : 'revoked-session list not loaded yet; access tokens are refused until it is',
        );
      }
      return;
    }
    this.options.sessions.merge(
      items.map((r) => ({ sessionId: r.sessionId, validUntil: Date.parse(r.accessTokensValidUntil) })),
    );
    const newest = items.reduce((max, r) => Math.max(max, Date.parse(r.revokedAt)), 0);
    if (newest - COMMIT_OVERLAP_MS > this.since.getTime()) this.since = new Date(newest - COMMIT_OVERLAP_MS);
    if (this.failingSince !== undefined) {
      this.options.logger.info(
        { downForMs: this.now() - this.failingSince },
        'revoked-session poll works again',
      );
      this.failingSince = undefined;
      this.lastWarnAt = Number.NEGATIVE_INFINITY;
    }
    this.options.onPoll?.(true, this.options.sessions.size);
  }
}
