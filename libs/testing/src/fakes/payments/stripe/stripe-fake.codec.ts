import { createHmac } from 'node:crypto';

/** A form value after bracket expansion: `metadata[order_id]=1` → `{ metadata: { order_id: '1' } }`. */
export type StripeParam = string | StripeParam[] | { [key: string]: StripeParam };
export type StripeParams = { [key: string]: StripeParam };

/** Parses Stripe's bracket notation (`a[b][c]=v`, `a[]=v`) into nested objects and arrays. */
export function parseStripeForm(body: string): StripeParams {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const keys = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const fresh = () => (keys[i + 1] === '' ? [] : {});
      if (Array.isArray(node)) {
        const child = last ? value : fresh();
        node.push(child);
        node = child as Record<string, unknown> | unknown[];
        return;
      }
      if (last) {
        node[key] = value;
        return;
      }
      let child = node[key];
      if (typeof child !== 'object' || child === null) {
        child = fresh();
        node[key] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    });
  }
  return root as StripeParams;
}

/** A string parameter, or undefined. */
export function param(params: StripeParams, key: string): string | undefined {
  const v = params[key];
  return typeof v === 'string' ? v : undefined;
}

/** `t=<unix>,v1=<hex>[,v1=<hex>]` for `payload`, signed with each of `secrets` (rotation sends several). */
export function stripeSignatureHeader(
  payload: string,
  secrets: readonly string[],
  timestamp: number,
): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex')}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}
