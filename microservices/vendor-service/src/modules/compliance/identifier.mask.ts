/**
 * A number shown without revealing it: the last `visible` characters, the rest as `•`
 * (`1234567890123` → `••••••••••123`). Phone-like numbers keep their operator prefix too
 * (`01712345678` → `017•••••678`), so a person can still recognise their own wallet.
 */
export function maskIdentifier(value: string, visible = 3): string {
  if (/^01[3-9]\d{8}$/.test(value)) return `${value.slice(0, 3)}${'•'.repeat(5)}${value.slice(-3)}`;
  if (value.length <= visible) return '•'.repeat(value.length);
  return `${'•'.repeat(value.length - visible)}${value.slice(-visible)}`;
}
