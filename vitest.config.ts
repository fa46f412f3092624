import { defineConfig } from 'vitest/config';

// Two cores: keep workers low so relay processes and Chromium are not starved.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          include: [
            'test/model/**/*.test.ts', 'test/server/**/*.test.ts', 'test/sync/**/*.test.ts', 'test/torture/**/*.test.ts',
            // The client's plain code (no browser needed) and the checks on the code's shape.
            'test/{app,canvas,presence,session,features,ui,architecture}/**/*.test.ts',
          ],
          testTimeout: 30_000,
          // Relay processes start in hooks; on two busy cores a start can take seconds.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Chromium and the relay share two cores with the test runner: give polls room.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
