import { defineConfig } from 'vitest/config';

const shared = { setupFiles: ['tests/helpers/setup.ts'], testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    projects: [
      // Engine tests are independent of each other: their files run in parallel.
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      // Integration and browser tests run real Astro builds; one at a time keeps them within 2 cores,
      // and after the unit tests rather than beside them.
      {
        test: {
          ...shared,
          name: 'builds',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
