import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OFFSET = 3_000;

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/health', headers: { host: 'localhost' } },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Resident memory of a process and all its descendants (the embedded PostgreSQL's too), in MB. */
function treeRssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

async function startOnce(dataDir: string): Promise<{ ms: number; launcherMb: number; totalMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, HAAT_DATA_DIR: dataDir, HAAT_PORT_OFFSET: String(OFFSET), LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const port = 8080 + OFFSET;
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`launcher exited with ${child.exitCode}`);
    await sleep(100);
  }
  const ms = Math.round(performance.now() - started);
  await sleep(2_000);
  const launcherMb = Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024,
  );
  const totalMb = treeRssMb(child.pid as number);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { ms, launcherMb, totalMb };
}

const dataDir = await mkdtemp(join(tmpdir(), 'haat-bench-'));
try {
  const cold = await startOnce(dataDir);
  const warm = await startOnce(dataDir);
  console.log(`embedded start (${cpus().length} cores)`);
  console.log(`  first start (initdb, migrations, demo seed): ${cold.ms} ms`);
  console.log(`  restart (data kept):                          ${warm.ms} ms`);
  console.log(
    `  resident memory: launcher ${warm.launcherMb} MB; with embedded PostgreSQL ${warm.totalMb} MB`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
