import { z } from 'zod';

/** Start-up refused because of the environment; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `${service}: invalid configuration:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the environment once with a Zod object whose keys are variable names. Empty strings
 * count as unset, so `FOO=` falls back to the default instead of failing oddly.
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: Env = process.env,
): z.output<S> {
  const input: Env = {};
  for (const key of Object.keys(schema.shape)) {
    const v = env[key];
    input[key] = v === undefined || v === '' ? undefined : v;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    service,
    result.error.issues.map((i) => ({
      variable: i.path.map(String).join('.') || '(env)',
      message: i.message,
    })),
  );
}
