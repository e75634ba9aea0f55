import { HEALTH_REASON_LABELS } from './cluster-health';
import type { ClusterModel } from './cluster-model';
import type { ClusterSnapshot } from './cluster-snapshot';

const pad = (text: string | number, width: number): string => String(text).padEnd(width);

function bytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value;
  let unit = 0;
  while (v >= 1024 && unit < units.length - 1) {
    v /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? v : v.toFixed(1)} ${units[unit]}`;
}

/** The headless command's readable summary: what an engineer over SSH needs first. */
export function snapshotSummary(snapshot: ClusterSnapshot, model: ClusterModel): string {
  const lines: string[] = [];
  lines.push(
    `Cluster "${snapshot.profileName}" (id ${snapshot.kafkaClusterId ?? 'unknown'}) via ${snapshot.bootstrap.join(',')}: ` +
      `polled in ${snapshot.pollDurationMs} ms with ${snapshot.requestCount} requests`,
  );
  if (snapshot.quorum.status === 'ok') {
    const q = snapshot.quorum.value;
    const voters = q.voters.map((v) => `${v.id} (lag ${v.lag})`).join(', ');
    lines.push(`Active controller: ${q.leaderId < 0 ? 'none' : q.leaderId} (epoch ${q.leaderEpoch}); voters: ${voters}`);
  } else {
    lines.push(`Active controller: unknown (${snapshot.quorum.error})`);
  }
  const fenced = snapshot.brokers.filter((b) => b.fenced).length;
  lines.push(`Brokers: ${snapshot.brokers.length} registered, ${fenced} fenced, ${model.missingBrokers.length} missing${model.missingBrokers.length ? ` (${model.missingBrokers.join(', ')})` : ''}`);
  const loads = new Map(model.brokerLoads.map((l) => [l.brokerId, l]));
  lines.push(`  ${pad('id', 5)}${pad('address', 22)}${pad('rack', 10)}${pad('status', 8)}${pad('leaders', 9)}${pad('replicas', 10)}${pad('out-of-sync', 13)}disk`);
  for (const broker of snapshot.brokers) {
    const load = loads.get(broker.id);
    const disk = broker.logDirs.status === 'ok' ? bytes(broker.logDirs.value.reduce((s, d) => s + d.replicaBytes, 0)) : 'unknown';
    lines.push(
      `  ${pad(broker.id, 5)}${pad(`${broker.host}:${broker.port}`, 22)}${pad(broker.rack ?? '-', 10)}${pad(broker.fenced ? 'fenced' : 'ok', 8)}` +
        `${pad(load?.leaders ?? 0, 9)}${pad(load?.replicas ?? 0, 10)}${pad(load?.outOfSyncReplicas ?? 0, 13)}${disk}`,
    );
  }
  const t = model.totals;
  lines.push(
    `Topics: ${t.topics}, partitions: ${t.partitions}, replicas: ${t.replicas}; offline ${t.offline}, under-replicated ${t.underReplicated}, ` +
      `under min ISR ${t.underMinIsr}, not on preferred leader ${t.nonPreferredLeader}`,
  );
  if (snapshot.consumerGroups.status === 'ok') lines.push(`Consumer groups: ${snapshot.consumerGroups.value.length}`);
  else lines.push(`Consumer groups: unknown (${snapshot.consumerGroups.error})`);
  if (model.health.length === 0) {
    lines.push('Health: OK');
  } else {
    lines.push(`Health: ${model.health.length} reason${model.health.length === 1 ? '' : 's'}`);
    for (const reason of model.health) {
      const subjects = [
        ...reason.brokers.map((b) => `broker ${b}`),
        ...reason.partitions.slice(0, 10).map((p) => `${p.topic}-${p.partition}`),
      ];
      const more = reason.partitions.length > 10 ? ` and ${reason.partitions.length - 10} more` : '';
      lines.push(`  [${reason.severity}] ${HEALTH_REASON_LABELS[reason.code]}: ${reason.count}${subjects.length ? ` (${subjects.join(', ')}${more})` : ''}`);
    }
  }
  for (const error of snapshot.brokerErrors) lines.push(`  broker ${error.brokerId} ${error.operation}: ${error.error}`);
  return lines.join('\n');
}
