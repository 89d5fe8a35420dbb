import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Stages share one NLP model load per worker; two workers match the machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
