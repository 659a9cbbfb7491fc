#!/usr/bin/env node
// Sums vitest's JSON reports (one per package) plus extra "N passed, M failed" lines and prints
// the closing tally CI reads. Exits non-zero when anything failed or no test ran.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...extra] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`  ${file.replace(/\.json$/, '').replace('__', '/')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
for (const line of extra.filter(Boolean)) {
  const m = /^(\d+) passed, (\d+) failed/.exec(line);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
