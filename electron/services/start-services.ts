import type { ClusterProfile } from '../../shared/cluster-profile';
import { KafkaHeartbeatClient } from '../kafka/heartbeat-client';
import { KafkaGateway } from '../kafka/kafka-gateway';
import { withInstances } from '../instances/with-instances';
import type { ClusterGateway } from './cluster-gateway';
import { ClusterService } from './cluster-service';

/** The services both shells run: the same code behind Electron's IPC and web mode's socket. */
export async function startClusterService(profiles: readonly ClusterProfile[]): Promise<ClusterService> {
  const gateways = new Map<string, ClusterGateway>();
  for (const profile of profiles) gateways.set(profile.key, await withInstances(profile, new KafkaGateway(profile)));
  const gatewayFor = (profile: ClusterProfile): ClusterGateway => gateways.get(profile.key) ?? new KafkaGateway(profile);
  const service = new ClusterService(profiles, gatewayFor, {
    createHeartbeatTransport: (profile) => new KafkaHeartbeatClient(profile),
  });
  service.start();
  return service;
}
