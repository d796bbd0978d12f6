import { fileURLToPath } from 'node:url';
import { main } from '../src/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const catalogFixture = (name: string) =>
  fileURLToPath(new URL(`../../catalog/test/fixtures/${name}`, import.meta.url));

/** Runs `mica-audit` in-process, capturing what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}
