import type { ClusterProfile } from '../../shared/cluster-profile';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';

/** What the services need from a Kafka connection; electron/kafka/ implements it with kafkajs. */
export interface ClusterGateway {
  /** One poll. Resolves with a possibly partial snapshot; rejects only when no broker answered at all. */
  poll(): Promise<ClusterSnapshot>;
  close(): Promise<void>;
}

export type GatewayFactory = (profile: ClusterProfile) => ClusterGateway;
