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
    // The fault tests time a real cluster on a 2-core machine. They wait for settled state and
    // measure over windows of polls; one retry remains for a badly loaded moment.
    retry: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
