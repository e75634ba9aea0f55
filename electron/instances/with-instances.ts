import type { ClusterProfile } from '../../shared/cluster-profile';
import { missingBrokerIds } from '../../shared/cluster-model';
import type { ClusterGateway } from '../services/cluster-gateway';
import { InstanceResolver } from './instance-resolver';

/**
 * Adds the cluster's broker → instance mapping to every snapshot. The mapping file is checked once
 * here, so a broken one stops start-up with its name and the field at fault.
 */
export async function withInstances(profile: ClusterProfile, gateway: ClusterGateway): Promise<ClusterGateway> {
  if (profile.instances === undefined) return gateway;
  const resolver = new InstanceResolver(profile.instances);
  await resolver.load();
  return {
    async poll() {
      const snapshot = await gateway.poll();
      return { ...snapshot, instances: await resolver.resolve(snapshot.brokers, profile.instances?.file === undefined ? [] : missingBrokerIds(snapshot)) };
    },
    close: () => gateway.close(),
  };
}
