/** The clock auth-service reads for every expiry, window and token time; tests hand in a manual one. */
export const AUTH_CLOCK = Symbol.for('haat.auth.clock');
