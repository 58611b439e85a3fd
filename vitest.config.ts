import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration and browser suites each start their own local runtime: keep files apart.
    fileParallelism: false,
    reporters: ['default'],
  },
});
