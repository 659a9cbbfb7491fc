const BIGINT_TAG = '$bigint';

function isBigintBox(value: unknown): value is { [BIGINT_TAG]: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === BIGINT_TAG && typeof Reflect.get(value, BIGINT_TAG) === 'string';
}

/**
 * Serialises a cache value to JSON. Money is `bigint` on this platform, which `JSON.stringify`
 * refuses, so a bigint is boxed as `{"$bigint":"<digits>"}` and unboxed by {@link decodeValue}.
 */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v,
  );
}

/** Parses what {@link encodeValue} wrote, restoring boxed bigints. */
export function decodeValue<T>(json: string): T {
  return JSON.parse(json, (_key, v: unknown) => (isBigintBox(v) ? BigInt(v[BIGINT_TAG]) : v)) as T;
}
