/** `Name <address>` or a bare address, split; the display name is replaced per shop. */
export function parseFromAddress(from: string): { name: string | null; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1]?.trim() || null, address: (match[2] ?? '').trim() };
  return { name: null, address: from.trim() };
}
