import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The ~49 000 most common passwords of public breach corpora, as shipped (and kept current) by
 * zxcvbn-ts, lower-cased; loaded once.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((p) => p.toLowerCase()),
);
