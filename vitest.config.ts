import { defineConfig } from 'vitest/config';

/** Unit tests: `*.test.ts` run in Node, `*.test.tsx` in jsdom. Real-cluster tests live in vitest.integration.config.ts. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'sandbox/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
