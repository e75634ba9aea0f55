import { describe, expect, it } from 'vitest';
import { decodeHeartbeatMessage, encodeHeartbeatMessage } from '../../shared/heartbeat-message';
import { FakeClock } from '../poller/fake-clock';
import { HeartbeatProber } from './heartbeat-prober';
import { FakeHeartbeatCluster } from './testing/fake-heartbeat-cluster';

function harness(options: { lostAfterMs?: number; sendTimeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const cluster = new FakeHeartbeatCluster(clock);
  const prober = new HeartbeatProber(cluster, {
    topic: '__brokerscope_heartbeat',
    clock,
    runId: 'run-1',
    intervalMs: 1_000,
    sendTimeoutMs: options.sendTimeoutMs ?? 5_000,
    statsWindowMs: 60_000,
    retryStartMs: 5_000,
    ledger: { lostAfterMs: options.lostAfterMs ?? 10_000, lateAfterMs: 2_000, rememberedSeqs: 512 },
  });
  const statsOf = (brokerId: number) => prober.stats().find((s) => s.brokerId === brokerId);
  return { clock, cluster, prober, statsOf };
}

describe('HeartbeatProber', () => {
  it('creates a missing topic with one partition led by each broker, then probes every partition each interval', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    prober.start();
    expect(() => prober.start()).toThrow(/already running/);
    await clock.advance(0);
    expect(cluster.created).toEqual([
      [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ],
    ]);
    expect(prober.currentState.state).toBe('running');
    await clock.advance(9_999);
    expect(cluster.sends).toBe(30);
    const stats = statsOf(2);
    expect(stats).toMatchObject({ partitions: [1], availability: 1, inFlight: 0 });
    expect(stats?.window).toMatchObject({ attempted: 10, acknowledged: 10, failed: 0, received: 10, lost: 0, late: 0, duplicated: 0 });
    expect(stats?.ackLatency).toMatchObject({ p50Ms: 4, p99Ms: 4 });
    expect(stats?.endToEndLatency).toMatchObject({ p50Ms: 7 });
    await prober.stop();
  });

  it('sends to a partition the topic gained only once the reader knows where it starts, so none of its messages counts as lost', async () => {
    const { clock, cluster, prober } = harness();
    prober.start();
    await clock.advance(2_999);
    // A coverage fix adds partition 3, led by broker 1; the first end-offset answers leave it out.
    cluster.partitions = [...cluster.partitions, { partition: 3, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] }];
    cluster.logs.set(3, []);
    cluster.endOffsetsWithout.add(3);
    await clock.advance(3_000);
    expect(cluster.logs.get(3)).toEqual([]);
    cluster.endOffsetsWithout.clear();
    await clock.advance(20_000);
    const written = cluster.logs.get(3)?.length ?? 0;
    expect(written).toBeGreaterThan(15);
    const partition3 = prober.stats().find((s) => s.brokerId === 1)?.window;
    expect(partition3).toMatchObject({ lost: 0, failed: 0 });
    expect(partition3?.received).toBe(partition3?.acknowledged);
    await prober.stop();
  });

  it('sends one request per leader broker per interval, however many partitions it leads', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    await cluster.createTopic('__brokerscope_heartbeat', [
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
      [1, 3, 2],
      [2, 1, 3],
      [3, 2, 1],
    ]);
    prober.start();
    await clock.advance(9_999);
    expect(cluster.sends).toBe(60);
    expect(cluster.requests).toBe(30);
    expect(statsOf(1)?.partitions).toEqual([0, 3]);
    expect(statsOf(1)?.window.acknowledged).toBe(20);
    await prober.stop();
  });

  it('shows a slow broker slow and the others not', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    cluster.ackDelayMs.set(3, 404);
    prober.start();
    await clock.advance(10_000);
    expect(statsOf(3)?.ackLatency.p50Ms).toBe(404);
    expect(statsOf(3)?.endToEndLatency.p50Ms).toBe(407);
    expect(statsOf(1)?.ackLatency.p50Ms).toBe(4);
    await prober.stop();
  });

  it('counts exactly the acknowledged messages that were never read back as lost', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    prober.start();
    await clock.advance(3_000);
    // Offsets 4, 5 and 6 of partition 0 vanish before the reader gets to them (e.g. deleted by retention).
    for (const offset of [4, 5, 6]) cluster.unreadable.add(`0:${offset}`);
    await clock.advance(10_000);
    const stats = statsOf(1);
    expect(stats?.window.lost).toBe(3);
    expect(stats?.window.acknowledged).toBe((stats?.window.received ?? 0) + 3);
    expect(statsOf(2)?.window.lost).toBe(0);
    await prober.stop();
  });

  it('declares trailing losses after lostAfterMs when the reader stops seeing anything', async () => {
    const { clock, prober, statsOf } = harness({ lostAfterMs: 4_000 });
    prober.start();
    await clock.advance(2_000);
    prober.pauseReading();
    const positionBefore = prober.readPosition(0);
    await clock.advance(3_000);
    expect(statsOf(1)?.window.lost).toBe(0);
    await clock.advance(5_000);
    // 8 messages sent while paused; those acknowledged more than 4 s ago are lost, the newest are still pending.
    const lost = statsOf(1)?.window.lost ?? 0;
    expect(lost).toBeGreaterThanOrEqual(3);
    expect(prober.readPosition(0)).toBe(positionBefore);
    // They were not lost after all: reading resumes and every one of them arrives late instead.
    prober.resumeReading();
    await clock.advance(1_000);
    expect(statsOf(1)?.window.lost).toBe(0);
    expect(statsOf(1)?.window.late).toBeGreaterThanOrEqual(lost);
    await prober.stop();
  });

  it('counts refused writes as failed for the broker that led the partition, then recovers when leadership moves', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    prober.start();
    await clock.advance(2_000);
    cluster.refusing.add(3);
    await clock.advance(5_000);
    expect(statsOf(3)?.window.failed).toBe(5);
    expect(statsOf(3)?.availability).toBeLessThan(1);
    // Broker 3's partition moves to broker 1.
    cluster.partitions = cluster.partitions.map((p) => (p.leader === 3 ? { ...p, leader: 1, isr: [1, 2] } : p));
    await clock.advance(5_000);
    expect(statsOf(1)?.partitions).toEqual([0, 2]);
    expect(statsOf(1)?.window.failed).toBe(0);
    expect(statsOf(1)?.window.acknowledged).toBeGreaterThan(5);
    expect(statsOf(3)?.partitions).toEqual([]);
    await prober.stop();
  });

  it('keeps one message in flight per partition and counts a hanging write failed at the timeout', async () => {
    const { clock, cluster, prober, statsOf } = harness({ sendTimeoutMs: 3_000 });
    prober.start();
    await clock.advance(1_000);
    cluster.hanging.add(2);
    const before = cluster.sends;
    await clock.advance(10_000);
    // Partitions 0 and 2: 10 sends each; partition 1: one send per 3 s timeout (plus the next interval).
    expect(cluster.sends - before).toBeLessThanOrEqual(20 + 4);
    expect(statsOf(2)?.window.failed).toBeGreaterThanOrEqual(2);
    expect(statsOf(2)?.inFlight).toBe(1);
    await prober.stop();
  });

  it('ignores messages from other runs and counts re-reads as duplicates', async () => {
    const { clock, cluster, prober, statsOf } = harness();
    prober.start();
    await clock.advance(3_000);
    cluster.writeOutOfBand(0, encodeHeartbeatMessage({ run: 'someone-else', partition: 0, seq: 99, sentAt: 0 }));
    cluster.writeOutOfBand(0, 'not a heartbeat');
    const first = cluster.logs.get(0)?.[0] ?? '';
    expect(decodeHeartbeatMessage(first)?.run).toBe('run-1');
    cluster.writeOutOfBand(0, first);
    await clock.advance(1_000);
    expect(statsOf(1)?.window).toMatchObject({ duplicated: 1, lost: 0 });
    await prober.stop();
  });

  it('stops every write on stop', async () => {
    const { clock, cluster, prober } = harness();
    prober.start();
    await clock.advance(3_000);
    await prober.stop();
    const sends = cluster.sends;
    await clock.advance(60_000);
    expect(cluster.sends).toBe(sends);
    expect(prober.currentState.state).toBe('off');
  });

  it('reports a failed start as an error and tries again later', async () => {
    const { clock, cluster, prober } = harness();
    cluster.createError = new Error('TOPIC_AUTHORIZATION_FAILED: not allowed');
    prober.start();
    await clock.advance(0);
    expect(prober.currentState).toMatchObject({ state: 'error', error: 'TOPIC_AUTHORIZATION_FAILED: not allowed' });
    cluster.createError = null;
    await clock.advance(5_000);
    expect(prober.currentState).toMatchObject({ state: 'running', error: null });
    await prober.stop();
  });

  it('gives one chart point per broker since the previous one', async () => {
    const { clock, cluster, prober } = harness();
    cluster.ackDelayMs.set(3, 50);
    prober.start();
    await clock.advance(5_000);
    const points = prober.takePoints();
    expect(points.get(3)).toEqual({ ackMs: 50, endToEndMs: 53, availability: 1 });
    expect(prober.takePoints().get(3)).toEqual({ ackMs: null, endToEndMs: null, availability: null });
    await prober.stop();
  });
});
