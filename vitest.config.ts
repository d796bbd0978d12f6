import { defineConfig } from 'vitest/config';
import SummaryReporter from './vitest.summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    reporters: ['default', new SummaryReporter()],
  },
});
