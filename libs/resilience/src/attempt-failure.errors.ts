/** One attempt ran past the timeout policy's deadline (the undici request was aborted). */
export class AttemptTimeoutError extends Error {
  constructor() {
    super('attempt timed out');
    this.name = 'AttemptTimeoutError';
  }
}

/** The connection could not be made or broke mid-request. */
export class NetworkFailureError extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`network failure: ${code}`, { cause });
    this.name = 'NetworkFailureError';
  }
}
