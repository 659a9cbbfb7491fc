import { fileURLToPath } from 'node:url';

/** Absolute path of a proto file in `libs/contracts/proto` (works from `src/` and `dist/`). */
export function protoPath(file: string): string {
  return fileURLToPath(new URL(`../proto/${file}`, import.meta.url));
}
