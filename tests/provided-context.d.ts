import 'vitest';

declare module 'vitest' {
  /** What tests/sandbox-global-setup.ts hands the integration tests. */
  export interface ProvidedContext {
    bootstrap: string;
    clusterName: string;
    kafkaVersion: string;
  }
}
