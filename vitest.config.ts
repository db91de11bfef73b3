import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code (src/**/*.test.ts); tests that talk to the real Kafka,
// Postgres and Redis live in each package's test/ and in the root tests/ folder.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'infra/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // The end-to-end journeys each start the six services: one file at a time on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
