import { describe, expect, it } from 'vitest';
import { hasLeftCluster, nextBrokerStatuses, type BrokerStatusEntry } from './broker-status-history';
import type { BrokerRequestLatency, ClusterSnapshot } from './cluster-snapshot';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

const answered = (...ids: number[]): BrokerRequestLatency[] => ids.map((brokerId) => ({ brokerId, rttMs: 1, timedOut: false, error: null }));

function healthyCluster(): ClusterSnapshot {
  return clusterSnapshot({
    topics: [topicInfo('orders', [partitionInfo(0, [1, 2, 3]), partitionInfo(1, [2, 3, 1]), partitionInfo(2, [3, 1, 2])])],
    requestLatency: answered(1, 2, 3),
  });
}

/** Broker 3 crashed: the controller has not noticed yet, but our probe is refused. */
function crashedNotFenced(): ClusterSnapshot {
  const base = healthyCluster();
  return { ...base, requestLatency: [...answered(1, 2), { brokerId: 3, rttMs: null, timedOut: false, error: 'connect ECONNREFUSED 127.0.0.1:19094' }] };
}

/** Broker 3 gone from the registered brokers and from every ISR (Kafka 3.x after fencing). */
function gone(): ClusterSnapshot {
  return clusterSnapshot({
    brokers: [brokerInfo(1), brokerInfo(2)],
    topics: [
      topicInfo('orders', [partitionInfo(0, [1, 2, 3], { isr: [1, 2] }), partitionInfo(1, [2, 3, 1], { isr: [2, 1] }), partitionInfo(2, [3, 1, 2], { leader: 1, isr: [1, 2] })]),
    ],
    requestLatency: answered(1, 2),
  });
}

/** Kafka 4.x reports the dead broker as registered but fenced. */
function fenced(): ClusterSnapshot {
  const base = gone();
  return { ...base, brokers: [brokerInfo(1), brokerInfo(2), brokerInfo(3, { fenced: true })] };
}

/** Broker 3 is back and answering, but still out of two ISRs. */
function backLagging(): ClusterSnapshot {
  return clusterSnapshot({
    topics: [
      topicInfo('orders', [partitionInfo(0, [1, 2, 3], { isr: [1, 2] }), partitionInfo(1, [2, 3, 1], { isr: [2, 1, 3] }), partitionInfo(2, [3, 1, 2], { leader: 1, isr: [1, 2] })]),
    ],
    requestLatency: answered(1, 2, 3),
  });
}

function replay(steps: readonly [ClusterSnapshot, number][]): BrokerStatusEntry[][] {
  const out: BrokerStatusEntry[][] = [];
  let statuses: BrokerStatusEntry[] = [];
  for (const [snapshot, now] of steps) {
    statuses = nextBrokerStatuses(statuses, snapshot, now);
    out.push(statuses);
  }
  return out;
}

const of = (statuses: readonly BrokerStatusEntry[] | undefined, id: number): BrokerStatusEntry | undefined => statuses?.find((s) => s.brokerId === id);

describe('nextBrokerStatuses', () => {
  it('starts every registered, answering broker as healthy since the first poll', () => {
    const [first] = replay([[healthyCluster(), 1_000]]);
    expect(first?.map((s) => [s.brokerId, s.status, s.since])).toEqual([
      [1, 'healthy', 1_000],
      [2, 'healthy', 1_000],
      [3, 'healthy', 1_000],
    ]);
  });

  it('shows a crashed broker offline at the first poll whose probe is refused, before the controller fences it', () => {
    const [, second] = replay([
      [healthyCluster(), 1_000],
      [crashedNotFenced(), 6_000],
    ]);
    expect(of(second, 3)).toMatchObject({ status: 'offline', since: 6_000, downSince: 6_000, lastSeenAt: 1_000 });
    expect(of(second, 3)?.detail).toMatch(/ECONNREFUSED/);
    expect(of(second, 1)?.status).toBe('healthy');
  });

  it('keeps the outage start from offline to fenced, then recovers, then is healthy once back in every ISR', () => {
    const steps = replay([
      [healthyCluster(), 1_000],
      [crashedNotFenced(), 6_000],
      [fenced(), 11_000],
      [fenced(), 16_000],
      [backLagging(), 21_000],
      [backLagging(), 26_000],
      [healthyCluster(), 31_000],
      [healthyCluster(), 36_000],
    ]);
    expect(steps.map((s) => of(s, 3)?.status)).toEqual(['healthy', 'offline', 'fenced', 'fenced', 'recovering', 'recovering', 'healthy', 'healthy']);
    expect(of(steps[3], 3)).toMatchObject({ since: 11_000, downSince: 6_000 });
    expect(of(steps[5], 3)).toMatchObject({ since: 21_000, downSince: null, outOfSyncReplicas: 2, lastSeenAt: 26_000 });
    expect(of(steps[5], 3)?.detail).toMatch(/2 hosted replicas not yet in sync/);
    expect(of(steps[7], 3)).toMatchObject({ since: 31_000 });
  });

  it('shows a broker gone from the registered brokers as offline, and its return as recovering for at least one poll', () => {
    const steps = replay([
      [healthyCluster(), 1_000],
      [gone(), 6_000],
      [healthyCluster(), 11_000],
      [healthyCluster(), 16_000],
    ]);
    expect(steps.map((s) => of(s, 3)?.status)).toEqual(['healthy', 'offline', 'recovering', 'healthy']);
    expect(of(steps[1], 3)?.detail).toBe('not registered with the controller');
  });

  it('knows brokers never seen registered from the quorum voters and the replica assignments', () => {
    const snapshot = gone();
    const [first] = replay([[snapshot, 500]]);
    expect(of(first, 3)).toMatchObject({ status: 'offline', since: 500, lastSeenAt: null });
    const voterOnly = clusterSnapshot({ brokers: [brokerInfo(1), brokerInfo(2)], requestLatency: answered(1, 2) });
    const withVoter4: ClusterSnapshot = {
      ...voterOnly,
      quorum: voterOnly.quorum.status === 'ok' ? { status: 'ok', value: { ...voterOnly.quorum.value, voters: [...voterOnly.quorum.value.voters, { id: 4, logEndOffset: 0, lag: 100, lastFetchTimestamp: null, lastCaughtUpTimestamp: null }] } } : voterOnly.quorum,
    };
    expect(of(nextBrokerStatuses([], withVoter4, 1), 4)?.status).toBe('offline');
  });

  it('does not take dedicated controller nodes (voters that are never brokers) for missing brokers', () => {
    const base = healthyCluster();
    const dedicated: ClusterSnapshot = {
      ...base,
      quorum: base.quorum.status === 'ok' ? { status: 'ok', value: { ...base.quorum.value, voters: [100, 101, 102].map((id) => ({ id, logEndOffset: 0, lag: 0, lastFetchTimestamp: null, lastCaughtUpTimestamp: null })) } } : base.quorum,
    };
    expect(nextBrokerStatuses([], dedicated, 1).map((s) => s.brokerId)).toEqual([1, 2, 3]);
  });

  it('needs several timeouts in a row before a registered broker counts as offline', () => {
    const timedOut = (): ClusterSnapshot => ({
      ...healthyCluster(),
      requestLatency: [...answered(1, 2), { brokerId: 3, rttMs: null, timedOut: true, error: 'ApiVersions timed out after 5000 ms' }],
    });
    const steps = replay([
      [healthyCluster(), 1_000],
      [timedOut(), 6_000],
      [timedOut(), 11_000],
      [healthyCluster(), 16_000],
    ]);
    expect(steps.map((s) => of(s, 3)?.status)).toEqual(['healthy', 'healthy', 'offline', 'recovering']);
    expect(of(steps[1], 3)?.consecutiveTimeouts).toBe(1);
    expect(of(steps[2], 3)?.detail).toMatch(/timed out in 2 polls in a row/);
  });

  it('forgets a decommissioned broker that nothing refers to any more, after a while', () => {
    const decommissioned = clusterSnapshot({ brokers: [brokerInfo(1), brokerInfo(2)], requestLatency: answered(1, 2) });
    const withoutVoter3: ClusterSnapshot = {
      ...decommissioned,
      quorum: decommissioned.quorum.status === 'ok' ? { status: 'ok', value: { ...decommissioned.quorum.value, voters: decommissioned.quorum.value.voters.filter((v) => v.id !== 3) } } : decommissioned.quorum,
    };
    const steps = replay([
      [healthyCluster(), 0],
      [withoutVoter3, 1_000],
      [withoutVoter3, 1_000 + 3_600_000],
      [withoutVoter3, 2_000 + 3_600_000],
    ]);
    expect(steps.map((s) => s.map((e) => e.brokerId))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2]]);
  });
});

describe('hasLeftCluster', () => {
  const options = { offlineAfterTimeouts: 2, forgetAfterMs: 60_000 };
  const statusOf3 = (snapshot: ClusterSnapshot, downAt: number): BrokerStatusEntry => {
    const entry = of(replay([[healthyCluster(), 0], [snapshot, downAt]])[1], 3);
    if (entry === undefined) throw new Error('no status for broker 3');
    return entry;
  };

  it('never counts a registered broker as gone, fenced or not', () => {
    expect(hasLeftCluster(statusOf3(fenced(), 1_000), { ...fenced(), brokersIncludeFenced: true }, 10_000_000, options)).toBe(false);
    expect(hasLeftCluster(statusOf3(healthyCluster(), 1_000), healthyCluster(), 10_000_000, options)).toBe(false);
  });

  it('counts an unregistered broker as gone at once where the cluster lists fenced brokers (Kafka 4.x)', () => {
    const unregistered: ClusterSnapshot = { ...gone(), brokersIncludeFenced: true };
    expect(hasLeftCluster(statusOf3(unregistered, 1_000), unregistered, 1_000, options)).toBe(true);
  });

  it('waits forgetAfterMs where a stopped broker looks the same as an unregistered one (Kafka 3.x)', () => {
    const missing = gone();
    const entry = statusOf3(missing, 1_000);
    expect(hasLeftCluster(entry, missing, 1_000 + 59_999, options)).toBe(false);
    expect(hasLeftCluster(entry, missing, 1_000 + 60_000, options)).toBe(true);
  });

  it('never counts a quorum voter as gone: in combined mode it is a broker that is down', () => {
    const base = gone();
    const voter3: ClusterSnapshot = {
      ...base,
      brokersIncludeFenced: true,
      quorum:
        base.quorum.status === 'ok'
          ? { status: 'ok', value: { ...base.quorum.value, voters: [...base.quorum.value.voters, { id: 3, logEndOffset: 0, lag: 100, lastFetchTimestamp: null, lastCaughtUpTimestamp: null }] } }
          : base.quorum,
    };
    expect(hasLeftCluster(statusOf3(voter3, 1_000), voter3, 10_000_000, options)).toBe(false);
  });
});
