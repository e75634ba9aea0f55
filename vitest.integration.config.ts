import { defineConfig } from 'vitest/config';

/**
 * Tests against a real Kafka cluster started from Kafka's own jars (see tests/sandbox-global-setup.ts).
 * KAFKA_VERSION picks the release; the test command runs this config once per supported version.
 */
export default defineConfig({
  test: {
    name: 'integration',
    environment: 'node',
    include: ['**/*.int.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['tests/sandbox-global-setup.ts'],
    fileParallelism: false,
    // The fault tests time a real cluster on a 2-core machine; one retry absorbs a loaded moment
    // (a 400 ms proxy delay measured as 272 ms once), while a real regression still fails twice.
    retry: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
