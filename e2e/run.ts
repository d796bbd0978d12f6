// Runs the browser tests: builds the web app, then the node:test files in this folder against Debian's Chromium.
// Without Chromium the run is skipped with the command to install it, except in CI where that is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './support/browser.ts';

if (!existsSync(CHROMIUM)) {
  const message = `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') {
    console.error(`e2e: ${message}`);
    process.exit(1);
  }
  console.log(`e2e: skipped. ${message}`);
  process.exit(0);
}
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const built = run('npm', ['run', 'build', '-w', '@mica-audit/web']);
if (built !== 0) process.exit(built);
process.exit(
  run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    // One file at a time: each starts its own demo server and Chromium, too much for two cores at once.
    '--test-concurrency=1',
    'e2e/journey.test.ts',
    'e2e/demo-tour.test.ts',
    'e2e/access.test.ts',
    'e2e/registers.test.ts',
  ]),
);
