import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // Integration and browser tests run real Astro builds; one at a time keeps them within 2 cores.
    fileParallelism: false,
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
