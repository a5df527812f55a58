import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpora`: imports the real-world corpora in ../shared/corpora (Digital.gov's Hugo
 * news archive, the 18F Jekyll blog), checks them and builds one. Minutes, not seconds, so it is
 * not part of `npm test`; it runs where the corpora exist and fails where they do not.
 */
export default defineConfig({
  test: {
    include: ['tests/corpora/**/*.test.ts'],
    fileParallelism: false,
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
