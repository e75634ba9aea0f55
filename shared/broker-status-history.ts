import type { ClusterSnapshot } from './cluster-snapshot';

/**
 * A broker's life as seen across polls, which no single snapshot can tell:
 * - healthy: registered, unfenced, answering, and in the ISR of everything it hosts;
 * - offline: it was part of the cluster (seen in an earlier poll, a quorum voter in combined mode,
 *   or a replica of some partition) and now it is absent from the registered brokers, or it is registered but does
 *   not answer our own request (refused at once, or timed out in several polls in a row). The
 *   second case shows a crashed broker seconds before the controller fences it;
 * - fenced: registered but fenced by the controller (Kafka 4.0+ reports this; 3.x hides fenced brokers);
 * - recovering: back after being offline or fenced, but not yet in the ISR of every partition it
 *   hosts. It becomes healthy at the first poll that finds it in sync again, so it shows as
 *   recovering for at least one poll however fast it catches up.
 */
export type BrokerLiveness = 'healthy' | 'recovering' | 'offline' | 'fenced';

export const BROKER_LIVENESS_LABELS: Record<BrokerLiveness, string> = {
  healthy: 'healthy',
  recovering: 'recovering',
  offline: 'offline',
  fenced: 'fenced',
};

export interface BrokerStatusEntry {
  readonly brokerId: number;
  readonly status: BrokerLiveness;
  /** Epoch ms of the poll that first showed the current status. */
  readonly since: number;
  /** Start of the current outage, carried from offline to fenced and back; null when not down. */
  readonly downSince: number | null;
  /** The last poll that found it registered, unfenced and answering; null if never. */
  readonly lastSeenAt: number | null;
  /** Why it has this status, in words an on-call engineer can act on. */
  readonly detail: string;
  /** Replicas it hosts that are not in their partition's ISR, at this poll. */
  readonly outOfSyncReplicas: number;
  /** Polls in a row in which its latency probe timed out. */
  readonly consecutiveTimeouts: number;
}

export interface BrokerStatusOptions {
  /** A registered broker whose probe times out this many polls in a row counts as offline. */
  readonly offlineAfterTimeouts: number;
  /**
   * An offline broker nothing refers to any more (decommissioned) is forgotten after this long. Also
   * how long a broker must be missing before it counts as gone where the cluster cannot say (see hasLeftCluster).
   */
  readonly forgetAfterMs: number;
}

export const DEFAULT_BROKER_STATUS_OPTIONS: BrokerStatusOptions = { offlineAfterTimeouts: 2, forgetAfterMs: 3_600_000 };

const isDown = (status: BrokerLiveness | undefined): boolean => status === 'offline' || status === 'fenced';

interface Observation {
  readonly down: 'offline' | 'fenced' | null;
  readonly detail: string;
  readonly consecutiveTimeouts: number;
}

function observe(snapshot: ClusterSnapshot, brokerId: number, previous: BrokerStatusEntry | undefined, options: BrokerStatusOptions): Observation {
  const broker = snapshot.brokers.find((b) => b.id === brokerId);
  if (broker === undefined) return { down: 'offline', detail: 'not registered with the controller', consecutiveTimeouts: 0 };
  if (broker.fenced) return { down: 'fenced', detail: 'fenced by the controller', consecutiveTimeouts: 0 };
  const probe = snapshot.requestLatency?.find((p) => p.brokerId === brokerId);
  if (probe === undefined || probe.rttMs !== null) return { down: null, detail: '', consecutiveTimeouts: 0 };
  if (!probe.timedOut) return { down: 'offline', detail: `registered but not answering: ${probe.error ?? 'request failed'}`, consecutiveTimeouts: 0 };
  const timeouts = (previous?.consecutiveTimeouts ?? 0) + 1;
  return timeouts >= options.offlineAfterTimeouts
    ? { down: 'offline', detail: `registered but not answering: timed out in ${timeouts} polls in a row`, consecutiveTimeouts: timeouts }
    : { down: null, detail: `timed out in the last poll`, consecutiveTimeouts: timeouts };
}

/**
 * Quorum voters that are brokers too. In combined mode a voter with no registered broker is a
 * broker that is gone; with dedicated controller nodes no voter is ever a broker (the same rule
 * as deriveClusterModel's missing brokers).
 */
export function brokerVoters(snapshot: ClusterSnapshot): number[] {
  if (snapshot.quorum.status !== 'ok') return [];
  const registered = new Set(snapshot.brokers.map((b) => b.id));
  const voters = snapshot.quorum.value.voters.map((v) => v.id);
  return voters.some((id) => registered.has(id)) ? voters : [];
}

/**
 * Whether a broker has left the cluster for good, as far as the cluster can tell, rather than being
 * down for now: it is not registered and not a quorum voter, and either the snapshot lists fenced
 * brokers too (Kafka 4.0+: a stopped broker stays registered until someone unregisters it, so a
 * missing one was unregistered) or it has been missing for `forgetAfterMs` (Kafka 3.x lists only
 * unfenced brokers, so a stopped broker and an unregistered one look the same until then). A broker
 * that left may still be named in partitions' replica lists; that is what makes them misplaced.
 */
export function hasLeftCluster(entry: BrokerStatusEntry, snapshot: ClusterSnapshot, now: number, options: BrokerStatusOptions = DEFAULT_BROKER_STATUS_OPTIONS): boolean {
  if (snapshot.brokers.some((b) => b.id === entry.brokerId) || brokerVoters(snapshot).includes(entry.brokerId)) return false;
  if (snapshot.brokersIncludeFenced === true) return true;
  return entry.downSince !== null && now - entry.downSince >= options.forgetAfterMs;
}

/** Replicas per broker that are not in their partition's ISR, in one pass. */
function outOfSyncByBroker(snapshot: ClusterSnapshot): Map<number, number> {
  const counts = new Map<number, number>();
  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      for (const id of partition.replicas) {
        if (!partition.isr.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
        else if (!counts.has(id)) counts.set(id, 0);
      }
    }
  }
  return counts;
}

/**
 * The next poll's broker statuses from the previous ones. Pure: `now` is the poll's time, and the
 * result depends on nothing else, so the service can keep one array per cluster and tests can
 * replay any sequence of hand-built snapshots.
 */
export function nextBrokerStatuses(
  previous: readonly BrokerStatusEntry[],
  snapshot: ClusterSnapshot,
  now: number,
  options: BrokerStatusOptions = DEFAULT_BROKER_STATUS_OPTIONS,
): BrokerStatusEntry[] {
  const before = new Map(previous.map((entry) => [entry.brokerId, entry]));
  const outOfSync = outOfSyncByBroker(snapshot);
  const referenced = new Set<number>([...outOfSync.keys(), ...brokerVoters(snapshot)]);
  const ids = new Set<number>([...before.keys(), ...snapshot.brokers.map((b) => b.id), ...referenced]);

  const next: BrokerStatusEntry[] = [];
  for (const brokerId of [...ids].sort((a, b) => a - b)) {
    const prev = before.get(brokerId);
    const seen = observe(snapshot, brokerId, prev, options);
    const lagging = outOfSync.get(brokerId) ?? 0;
    if (seen.down !== null) {
      const downSince = isDown(prev?.status) ? (prev?.downSince ?? now) : now;
      const registered = snapshot.brokers.some((b) => b.id === brokerId);
      if (!registered && !referenced.has(brokerId) && now - downSince > options.forgetAfterMs) continue;
      next.push({
        brokerId,
        status: seen.down,
        since: prev?.status === seen.down ? prev.since : now,
        downSince,
        lastSeenAt: prev?.lastSeenAt ?? null,
        detail: seen.detail,
        outOfSyncReplicas: lagging,
        consecutiveTimeouts: seen.consecutiveTimeouts,
      });
      continue;
    }
    // Up. Back from an outage, it recovers until it is in the ISR of everything it hosts; a broker
    // met for the first time has no outage to recover from.
    const wasDown = isDown(prev?.status);
    const stillRecovering = prev?.status === 'recovering' && lagging > 0;
    const status: BrokerLiveness = wasDown || stillRecovering ? 'recovering' : 'healthy';
    const detail =
      status === 'recovering'
        ? lagging > 0
          ? `back; ${lagging} hosted replica${lagging === 1 ? '' : 's'} not yet in sync`
          : 'back; in sync with every partition it hosts'
        : seen.detail;
    next.push({
      brokerId,
      status,
      since: prev?.status === status ? prev.since : now,
      downSince: null,
      lastSeenAt: now,
      detail,
      outOfSyncReplicas: lagging,
      consecutiveTimeouts: seen.consecutiveTimeouts,
    });
  }
  return next;
}
