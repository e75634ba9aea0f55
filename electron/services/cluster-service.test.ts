import { describe, expect, it } from 'vitest';
import type { ApiEvents, EventName } from '../../shared/api-contract';
import type { BrokerHealthReport, HeartbeatStatus } from '../../shared/broker-health';
import { parseProfiles } from '../../shared/cluster-profile';
import type { BrokerRequestLatency, ClusterSnapshot } from '../../shared/cluster-snapshot';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from '../../shared/synthetic-snapshot';
import { FakeHeartbeatCluster } from '../heartbeat/testing/fake-heartbeat-cluster';
import { FakeClock } from '../poller/fake-clock';
import { ClusterService } from './cluster-service';

function setup(options: { heartbeatInProfile?: boolean; forgetAfterMs?: number } = {}) {
  const clock = new FakeClock();
  const [profile] = parseProfiles(
    { clusters: [{ name: 'prod', bootstrap: '127.0.0.1:9092', pollIntervalMs: 5_000, ...(options.heartbeatInProfile ? { heartbeat: { enabled: true } } : {}) }] },
    'test',
  );
  if (profile === undefined) throw new Error('no profile');
  let rtt: BrokerRequestLatency[] = [1, 2, 3].map((brokerId) => ({ brokerId, rttMs: 1, timedOut: false, error: null }));
  let brokers = [brokerInfo(1), brokerInfo(2), brokerInfo(3)];
  let brokersIncludeFenced: boolean | undefined;
  const fake = new FakeHeartbeatCluster(clock);
  const snapshot = (): ClusterSnapshot =>
    clusterSnapshot({
      clusterKey: profile.key,
      takenAt: clock.now(),
      brokers,
      ...(brokersIncludeFenced === undefined ? {} : { brokersIncludeFenced }),
      topics: [
        topicInfo('orders', [partitionInfo(0, [1, 2, 3]), partitionInfo(1, [2, 3, 1])]),
        ...(fake.partitions.length > 0 ? [topicInfo('__brokerscope_heartbeat', fake.partitions.map((p) => partitionInfo(p.partition, p.replicas, { leader: p.leader })))] : []),
      ],
      requestLatency: rtt,
    });
  const service = new ClusterService([profile], () => ({ poll: async () => snapshot(), close: async () => undefined }), {
    clock,
    createHeartbeatTransport: () => fake,
    ...(options.forgetAfterMs === undefined ? {} : { observations: { brokerStatus: { offlineAfterTimeouts: 2, forgetAfterMs: options.forgetAfterMs } } }),
  });
  const events: { event: EventName; payload: ApiEvents[EventName] }[] = [];
  service.subscribe((event, payload) => events.push({ event, payload }));
  const reports = (): BrokerHealthReport[] => events.filter((e) => e.event === 'brokerHealth').map((e) => e.payload as BrokerHealthReport);
  return {
    clock,
    service,
    fake,
    reports,
    events,
    setRtt: (next: BrokerRequestLatency[]) => (rtt = next),
    setBrokers: (next: typeof brokers) => (brokers = next),
    setBrokersIncludeFenced: (next: boolean | undefined) => (brokersIncludeFenced = next),
  };
}

describe('ClusterService broker health', () => {
  it('pushes a broker health report after every poll', async () => {
    const { clock, service, reports } = setup();
    service.start();
    await clock.advance(10_000);
    expect(reports()).toHaveLength(3);
    const last = reports().at(-1);
    expect(last?.brokers.map((b) => [b.brokerId, b.status])).toEqual([
      [1, 'healthy'],
      [2, 'healthy'],
      [3, 'healthy'],
    ]);
    expect(last?.heartbeat).toMatchObject({ enabled: false, state: 'off', topic: '__brokerscope_heartbeat', topicExists: false });
    expect(await service.handle('getBrokerHealth', { clusterKey: 'prod' })).toEqual(last);
    await service.stop();
  });

  it('shows a broker that stops answering as offline at the next poll, with since-when', async () => {
    const { clock, service, reports, setRtt } = setup();
    service.start();
    await clock.advance(5_000);
    setRtt([
      { brokerId: 1, rttMs: 1, timedOut: false, error: null },
      { brokerId: 2, rttMs: 1, timedOut: false, error: null },
      { brokerId: 3, rttMs: null, timedOut: false, error: 'connect ECONNREFUSED' },
    ]);
    await clock.advance(5_000);
    const broker3 = reports().at(-1)?.brokers.find((b) => b.brokerId === 3);
    expect(broker3).toMatchObject({ status: 'offline', since: 10_000, downSince: 10_000, offlineReplicas: 2 });
    expect(reports().at(-1)?.partitionsWithOfflineReplicas).toBe(2);
    expect(reports().at(-1)?.health.map((r) => r.code)).toEqual(['BROKERS_OFFLINE']);
    await service.stop();
  });

  it('keeps latency history bounded and serves it on request', async () => {
    const { clock, service } = setup();
    service.start();
    await clock.advance(5_000 * 1_000);
    const history = await service.handle('getLatencyHistory', { clusterKey: 'prod', brokerIds: [2] });
    expect(history).toMatchObject({ clusterKey: 'prod', series: [{ brokerId: 2 }] });
    const points = (history as { series: { points: unknown[] }[] }).series[0]?.points.length ?? 0;
    expect(points).toBe(361);
    // What is pushed each poll is bounded too: the last 5 minutes, at most 60 points per broker.
    const pushed = (await service.handle('getBrokerHealth', { clusterKey: 'prod' })) as BrokerHealthReport;
    expect(pushed.series.map((s) => s.points.length)).toEqual([60, 60, 60]);
    await service.stop();
  });
});

describe('ClusterService heartbeat requests', () => {
  it('turns the heartbeat on and off; off stops every write', async () => {
    const { clock, service, fake, reports, events } = setup();
    service.start();
    const status = (await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: true })) as HeartbeatStatus;
    expect(status).toMatchObject({ enabled: true, topic: '__brokerscope_heartbeat' });
    await clock.advance(10_000);
    expect(fake.created).toHaveLength(1);
    const report = reports().at(-1);
    expect(report?.heartbeat).toMatchObject({ enabled: true, state: 'running', topicExists: true });
    expect(report?.heartbeat.coverage).toMatchObject({ uncoveredBrokers: [], fixNeeded: false });
    expect(report?.brokers.every((b) => (b.heartbeat?.window.acknowledged ?? 0) > 0)).toBe(true);
    expect(events.some((e) => e.event === 'heartbeatStatus' && (e.payload as HeartbeatStatus).state === 'running')).toBe(true);

    await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: false });
    const sends = fake.sends;
    await clock.advance(30_000);
    expect(fake.sends).toBe(sends);
    expect(reports().at(-1)?.heartbeat).toMatchObject({ enabled: false, state: 'off' });
    expect(reports().at(-1)?.brokers.every((b) => b.heartbeat === null)).toBe(true);
    await service.stop();
  });

  it('starts the heartbeat when the profile enables it', async () => {
    const { clock, service, fake } = setup({ heartbeatInProfile: true });
    service.start();
    await clock.advance(3_000);
    expect(fake.sends).toBeGreaterThan(0);
    await service.stop();
  });

  it('deletes only the heartbeat topic, only while off, only with the name confirmed', async () => {
    const { clock, service, fake } = setup();
    service.start();
    await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: true });
    await clock.advance(2_000);
    await expect(service.handle('deleteHeartbeatTopic', { clusterKey: 'prod', topic: '__brokerscope_heartbeat', confirmTopic: 'yes' })).rejects.toThrow(
      /confirmTopic must repeat the topic name/,
    );
    await expect(service.handle('deleteHeartbeatTopic', { clusterKey: 'prod', topic: '__brokerscope_heartbeat', confirmTopic: '__brokerscope_heartbeat' })).rejects.toThrow(
      /off before deleting/,
    );
    await expect(service.handle('deleteHeartbeatTopic', { clusterKey: 'prod', topic: 'orders', confirmTopic: 'orders' })).rejects.toThrow(/not the heartbeat topic/);
    await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: false });
    expect(await service.handle('deleteHeartbeatTopic', { clusterKey: 'prod', topic: '__brokerscope_heartbeat', confirmTopic: '__brokerscope_heartbeat' })).toEqual({
      clusterKey: 'prod',
      topic: '__brokerscope_heartbeat',
      deleted: true,
    });
    expect(fake.deleted).toEqual(['__brokerscope_heartbeat']);
    await service.stop();
  });

  it('fixes coverage only when confirmed, with the plan from the latest poll', async () => {
    const { clock, service, fake, setBrokers } = setup();
    service.start();
    await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: true });
    await clock.advance(5_000);
    await expect(service.handle('fixHeartbeatCoverage', { clusterKey: 'prod' })).rejects.toThrow(/confirm/);
    setBrokers([brokerInfo(1), brokerInfo(2), brokerInfo(3), brokerInfo(4)]);
    await clock.advance(5_000);
    const result = await service.handle('fixHeartbeatCoverage', { clusterKey: 'prod', confirm: true });
    expect(result).toMatchObject({ plan: { createPartitions: [[4, 2, 3]], reassign: [], electPreferred: [] } });
    expect(fake.fixes).toHaveLength(1);
    await service.stop();
  });

  describe('a broker that held a heartbeat partition goes away', () => {
    const answering = (...ids: number[]): BrokerRequestLatency[] => ids.map((brokerId) => ({ brokerId, rttMs: 1, timedOut: false, error: null }));

    /** Brokers 1-4, the heartbeat topic with broker 4's partition added by an earlier fix; then broker 4 stops and partition 3 fails over to 2. */
    async function withBroker4Stopped(options: { brokersIncludeFenced?: boolean; forgetAfterMs?: number }) {
      const harness = setup(options.forgetAfterMs === undefined ? {} : { forgetAfterMs: options.forgetAfterMs });
      const { clock, service, fake, setBrokers, setRtt, setBrokersIncludeFenced } = harness;
      setBrokersIncludeFenced(options.brokersIncludeFenced);
      setBrokers([1, 2, 3, 4].map((id) => brokerInfo(id)));
      setRtt(answering(1, 2, 3, 4));
      service.start();
      await service.handle('setHeartbeat', { clusterKey: 'prod', enabled: true });
      await clock.advance(2_000);
      fake.partitions = [...fake.partitions, { partition: 3, leader: 4, replicas: [4, 2, 3], isr: [4, 2, 3] }];
      await clock.advance(5_000);
      expect(harness.reports().at(-1)?.heartbeat.coverage).toMatchObject({ misplacedPartitions: [], fixNeeded: false });
      fake.partitions = fake.partitions.map((p) => (p.partition === 3 ? { ...p, leader: 2, isr: [2, 3] } : p));
      setRtt(answering(1, 2, 3));
      return harness;
    }

    it('leaves its partition alone while it is only down, and moves it once it is unregistered (Kafka 4.x lists fenced brokers)', async () => {
      const { clock, service, fake, reports, setBrokers } = await withBroker4Stopped({ brokersIncludeFenced: true });
      setBrokers([brokerInfo(1), brokerInfo(2), brokerInfo(3), brokerInfo(4, { fenced: true })]);
      await clock.advance(5_000);
      expect(reports().at(-1)?.heartbeat.coverage).toMatchObject({ uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });

      setBrokers([brokerInfo(1), brokerInfo(2), brokerInfo(3)]);
      await clock.advance(5_000);
      expect(reports().at(-1)?.heartbeat.coverage).toMatchObject({ uncoveredBrokers: [], misplacedPartitions: [3], fixNeeded: true });
      // Still an offline broker to the status history: its replica is an offline replica until moved.
      expect(reports().at(-1)?.brokers.find((b) => b.brokerId === 4)?.status).toBe('offline');
      const result = await service.handle('fixHeartbeatCoverage', { clusterKey: 'prod', confirm: true });
      expect(result).toMatchObject({ plan: { createPartitions: [], reassign: [{ partition: 3, replicas: [1, 2, 3] }], electPreferred: [3] } });
      expect(fake.fixes).toHaveLength(1);
      await service.stop();
    });

    it('waits forgetAfterMs where a stopped broker and an unregistered one look the same (Kafka 3.x)', async () => {
      const { clock, service, reports, setBrokers } = await withBroker4Stopped({ forgetAfterMs: 60_000 });
      setBrokers([brokerInfo(1), brokerInfo(2), brokerInfo(3)]);
      await clock.advance(55_000);
      expect(reports().at(-1)?.heartbeat.coverage).toMatchObject({ misplacedPartitions: [], fixNeeded: false });
      await clock.advance(10_000);
      expect(reports().at(-1)?.heartbeat.coverage).toMatchObject({ misplacedPartitions: [3], fixNeeded: true });
      await service.stop();
    });
  });

  it('rejects unknown clusters and bad parameters', async () => {
    const { service } = setup();
    service.start();
    await expect(service.handle('setHeartbeat', { clusterKey: 'nope', enabled: true })).rejects.toThrow(/Unknown cluster/);
    await expect(service.handle('setHeartbeat', { clusterKey: 'prod', enabled: true, topic: 'bad topic!' })).rejects.toThrow(/topic/);
    await expect(service.handle('getLatencyHistory', { clusterKey: 'prod', brokerIds: [-1] })).rejects.toThrow(/brokerIds/);
    await service.stop();
  });
});
