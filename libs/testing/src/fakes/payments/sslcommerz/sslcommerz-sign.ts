import { createHash } from 'node:crypto';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * SSLCommerz's `verify_sign`: md5 of the `verify_key` fields plus `store_passwd = md5(password)`,
 * sorted by key and joined `k=v&…` (shared/gateways/sslcommerz.md §4.1).
 */
export function sslcommerzVerifySign(
  fields: Readonly<Record<string, string>>,
  verifyKey: readonly string[],
  storePassword: string,
): string {
  const entries: [string, string][] = verifyKey.map((k) => [k, fields[k] ?? '']);
  entries.push(['store_passwd', md5(storePassword)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return md5(entries.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** Adds `verify_key`, `verify_sign` and a dummy `verify_sign_sha2` to IPN fields. */
export function signSslcommerzFields(
  fields: Readonly<Record<string, string>>,
  storePassword: string,
): Record<string, string> {
  const verifyKey = Object.keys(fields).sort();
  const sign = sslcommerzVerifySign(fields, verifyKey, storePassword);
  return {
    ...fields,
    verify_sign: sign,
    // Its construction is unpublished; SSLCommerz clients must not rely on it.
    verify_sign_sha2: createHash('sha256').update(sign).digest('hex'),
    verify_key: verifyKey.join(','),
  };
}
