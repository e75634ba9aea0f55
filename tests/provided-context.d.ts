import 'vitest';

declare module 'vitest' {
  /** What tests/sandbox-global-setup.ts hands the integration tests. */
  export interface ProvidedContext {
    bootstrap: string;
    clusterName: string;
    kafkaVersion: string;
    /** ITEST_PORT_BASE: tests that start their own cluster take its ports from tests/integration-ports.ts. */
    portBase: number;
  }
}
