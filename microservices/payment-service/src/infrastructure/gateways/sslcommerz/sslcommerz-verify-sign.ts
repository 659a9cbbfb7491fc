import { createHash, timingSafeEqual } from 'node:crypto';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * SSLCommerz's `verify_sign` over received fields (shared/gateways/sslcommerz.md §4.1, as in
 * its PHP SDK): the fields named by `verify_key` (empty values kept), `store_id` replaced by
 * ours, plus `store_passwd = md5(password)`, sorted by key, joined `k=v&…`, md5.
 */
export function expectedVerifySign(
  fields: Readonly<Record<string, string>>,
  storeId: string,
  storePassword: string,
): string | undefined {
  const verifyKey = fields.verify_key;
  if (!verifyKey) return undefined;
  const entries: [string, string][] = verifyKey
    .split(',')
    .filter((k) => k !== '')
    .map((k) => [k, k === 'store_id' ? storeId : (fields[k] ?? '')]);
  entries.push(['store_passwd', md5(storePassword)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return md5(entries.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** True when `verify_sign` matches and covers the fields we act on. */
export function verifySignMatches(
  fields: Readonly<Record<string, string>>,
  storeId: string,
  storePassword: string,
): boolean {
  const expected = expectedVerifySign(fields, storeId, storePassword);
  const given = fields.verify_sign ?? '';
  const covered = new Set((fields.verify_key ?? '').split(','));
  const required = ['status', 'tran_id', 'amount', 'currency'];
  if (!expected || given.length !== expected.length || !required.every((k) => covered.has(k))) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
