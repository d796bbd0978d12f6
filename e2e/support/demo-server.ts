import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoServer {
  readonly url: string;
  readonly organisationId: string;
  readonly engagementId: string;
  readonly user: { readonly email: string; readonly password: string };
  readonly dataDir: string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts `mica-audit demo` on a free loopback port (port 0) with a throwaway data directory and reads the
 * `--json` summary it prints once listening.
 */
export async function startDemo(): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mica-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'packages/cli/src/bin.ts'), 'demo', '--data-dir', dataDir, '--port', '0', '--json'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const summary = await new Promise<Omit<DemoServer, 'stop' | 'dataDir'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start within 90 s:\n${stderr}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        const parsed = JSON.parse(stdout) as Omit<DemoServer, 'stop' | 'dataDir'>;
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // The JSON is not complete yet.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${stderr}`));
    });
  });
  return {
    ...summary,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
