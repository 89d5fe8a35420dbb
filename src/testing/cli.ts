// Runs the built `actorgraph` command as a user would (`npm test` builds first).
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * The same, without blocking this process: for tests that serve something the command reads
 * (an HTTP server in the test answers only while the event loop runs).
 */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(packageRoot, 'bin', 'actorgraph.js'), ...args], {
      cwd: opts.cwd ?? packageRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
