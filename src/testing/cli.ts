// Runs the built `actorgraph` command as a user would (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../model/paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const res = spawnSync(process.execPath, [path.join(packageRoot, 'bin', 'actorgraph.js'), ...args], {
    input: opts.input,
    cwd: opts.cwd ?? packageRoot,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
