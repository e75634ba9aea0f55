import type { ClusterProfile } from '../../shared/cluster-profile';
import { KafkaHeartbeatClient } from '../kafka/heartbeat-client';
import { KafkaGateway } from '../kafka/kafka-gateway';
import { ClusterService } from './cluster-service';

/** The services both shells run: the same code behind Electron's IPC and web mode's socket. */
export function startClusterService(profiles: readonly ClusterProfile[]): ClusterService {
  const service = new ClusterService(profiles, (profile) => new KafkaGateway(profile), {
    createHeartbeatTransport: (profile) => new KafkaHeartbeatClient(profile),
  });
  service.start();
  return service;
}
