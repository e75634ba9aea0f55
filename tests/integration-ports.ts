import { CLUSTER_PORT_OFFSET, clusterNameForBlock, portBlockFromEnv } from '../sandbox/port-block.js';

/**
 * Every port the integration run listens on comes from one base, ITEST_PORT_BASE (default 22000),
 * so a second run (another checkout, another Kafka version) can sit beside the first in another
 * block of 1,000 ports. A sandbox cluster with base port B takes B…, B+100… (controllers) and,
 * with advertised ports, B+200…; the offsets below keep every cluster and the proxy apart.
 */
export const DEFAULT_ITEST_PORT_BASE = 22_000;

export interface IntegrationPorts {
  /** The cluster of tests/sandbox-global-setup.ts that most tests share: 3 nodes. */
  readonly shared: number;
  /** electron/services/slow-broker.int.test.ts: 3 nodes with a replication listener each. */
  readonly slowBroker: number;
  /** The delaying proxy in front of the slow broker. */
  readonly slowBrokerProxy: number;
  /** electron/services/heartbeat-coverage.int.test.ts: 3 combined nodes and one broker-only node. */
  readonly heartbeatCoverage: number;
}

export function integrationPorts(base: number): IntegrationPorts {
  return { shared: base + CLUSTER_PORT_OFFSET, slowBroker: base + 392, heartbeatCoverage: base + 692, slowBrokerProxy: base + 990 };
}

/** ITEST_PORT_BASE, checked. */
export function integrationPortBase(env: Readonly<Record<string, string | undefined>>): number {
  return portBlockFromEnv(env, 'ITEST_PORT_BASE', DEFAULT_ITEST_PORT_BASE);
}

/**
 * A sandbox cluster's name for this run: by Kafka version, and by port block when it is not the
 * default, so two runs never stop (and wipe) each other's clusters in the same .sandbox/.
 */
export function integrationClusterName(prefix: string, kafkaVersion: string, portBase: number): string {
  return clusterNameForBlock(`${prefix}-${kafkaVersion.replace(/\W/g, '-')}`, portBase, DEFAULT_ITEST_PORT_BASE);
}
