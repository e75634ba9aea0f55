import { EMPTY_HEARTBEAT_LEDGER, type HeartbeatLedger } from '../../shared/heartbeat-ledger';
import type { HeartbeatPartition, HeartbeatTopicState } from './heartbeat-transport';

/** One heartbeat partition as the prober tracks it: its sequence, its ledger, whom it is sent through. */
export interface PartitionProbe {
  readonly partition: number;
  nextSeq: number;
  ledger: HeartbeatLedger;
  /** The broker the next send is attributed to: the leader, or the last known one while there is none. */
  leader: number;
  /** The leader in the latest metadata, -1 when the partition has none. */
  currentLeader: number;
  /** The message waiting for its acknowledgement; the timer is its batch's. */
  inFlight: { readonly seq: number; readonly timer: unknown } | null;
}

export function newPartitionProbe(p: HeartbeatPartition): PartitionProbe {
  return { partition: p.partition, nextSeq: 0, ledger: EMPTY_HEARTBEAT_LEDGER, leader: p.leader, currentLeader: p.leader, inFlight: null };
}

/**
 * Takes the partition's leader from the latest metadata. While it has none, sends stay attributed
 * to the last leader (or the preferred replica), so the failures land on the broker that went away.
 */
export function trackLeader(probe: PartitionProbe, p: HeartbeatPartition): void {
  probe.currentLeader = p.leader;
  if (p.leader >= 0) probe.leader = p.leader;
  else if (probe.leader < 0) probe.leader = p.replicas[0] ?? -1;
}

export function leadersOf(state: HeartbeatTopicState): Map<number, number> {
  return new Map(state.partitions.map((p) => [p.partition, p.leader]));
}

/** Per broker: the partitions it leads now, and how many messages attributed to it await acknowledgement. */
export function brokerShares(probes: Iterable<PartitionProbe>): { leading: Map<number, number[]>; inFlight: Map<number, number> } {
  const leading = new Map<number, number[]>();
  const inFlight = new Map<number, number>();
  for (const probe of probes) {
    if (probe.currentLeader >= 0) leading.set(probe.currentLeader, [...(leading.get(probe.currentLeader) ?? []), probe.partition]);
    if (probe.inFlight) inFlight.set(probe.leader, (inFlight.get(probe.leader) ?? 0) + 1);
  }
  return { leading, inFlight };
}
