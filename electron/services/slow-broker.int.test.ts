/**
 * A broker slowed by a known delay: a proxy on loopback holds every request to broker 3 for
 * DELAY_MS, and broker 3 advertises the proxy's port, so every client (the poll, the latency probe,
 * the heartbeat) goes through it while replication between brokers does not. Its own small
 * cluster, because the shared one cannot advertise a proxy; stopped at the end.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrokerHealthReport, LatencyPoint } from '../../shared/broker-health';
import { median } from '../../shared/latency-stats';
import { startCluster, stopCluster } from '../../sandbox/kraft-cluster.js';
import { startDelayingProxy, type DelayingProxy } from '../../tests/delaying-proxy';
import { startServiceHarness, type ServiceHarness } from '../../tests/service-harness';

const kafkaVersion = inject('kafkaVersion');
const NAME = `slow-broker-${kafkaVersion.replace(/\W/g, '-')}`;
const BASE_PORT = 23092;
const PROXY_PORT = 23600;
const DELAY_MS = 400;
const POLL_MS = 2_000;

let proxy: DelayingProxy;
let harness: ServiceHarness;
let clusterKey = '';

const broker = (report: BrokerHealthReport, id: number) => report.brokers.find((b) => b.brokerId === id);

/** Each broker's chart points from the reports taken in [from, to). */
function pointsBetween(from: number, to: number): Map<number, LatencyPoint[]> {
  const out = new Map<number, LatencyPoint[]>();
  for (const report of harness.reports.filter((r) => r.takenAt >= from && r.takenAt < to)) {
    for (const series of report.series) {
      const point = series.points.at(-1);
      if (point !== undefined && point.t === report.takenAt) out.set(series.brokerId, [...(out.get(series.brokerId) ?? []), point]);
    }
  }
  return out;
}

function medianOf(points: readonly LatencyPoint[] | undefined, pick: (p: LatencyPoint) => number | null): number {
  return median((points ?? []).map(pick).filter((v): v is number => v !== null)) ?? Number.NaN;
}

describe('a slow broker', () => {
  beforeAll(async () => {
    proxy = await startDelayingProxy({ listenPort: PROXY_PORT, targetPort: BASE_PORT + 2 });
    await stopCluster(NAME, { wipe: true }).catch(() => undefined);
    const { bootstrap } = await startCluster({ name: NAME, kafkaVersion, basePort: BASE_PORT, advertisedPorts: { 3: PROXY_PORT } });
    harness = startServiceHarness({ bootstrap, name: 'slow', pollIntervalMs: POLL_MS, service: { heartbeat: { intervalMs: 1_000 } } });
    clusterKey = harness.profile.key;
    await harness.service.handle('setHeartbeat', { clusterKey, enabled: true });
  }, 300_000);

  afterAll(async () => {
    proxy?.setDelay(0);
    await harness?.stop();
    await stopCluster(NAME, { wipe: true });
    await proxy?.close();
  }, 120_000);

  it('rises by the delay in request and heartbeat latency, and is the only outlier', async () => {
    const ready = await harness.waitForReport(
      (r) => r.heartbeat.state === 'running' && [1, 2, 3].every((id) => (broker(r, id)?.heartbeat?.window.received ?? 0) >= 5 && (broker(r, id)?.requestLatency.samples ?? 0) >= 6),
      120_000,
      'the heartbeat and the latency probe to have samples from every broker',
    );
    expect(ready.health.filter((h) => h.code === 'SLOW_BROKER')).toEqual([]);

    // Let connections and the JIT settle, so the baseline is the broker's steady state.
    await new Promise((r) => setTimeout(r, 6_000));
    const baselineFrom = Date.now();
    await new Promise((r) => setTimeout(r, 14_000));
    const baseline = pointsBetween(baselineFrom, Date.now());

    proxy.setDelay(DELAY_MS);
    const slowedAt = Date.now();
    const flagged = await harness.waitForReport((r) => r.health.some((h) => h.code === 'SLOW_BROKER'), 60_000, 'broker 3 to be flagged slow');
    expect(flagged.health.find((h) => h.code === 'SLOW_BROKER')?.brokers).toEqual([3]);
    expect(broker(flagged, 3)?.outlier.slowRequests).toBe(true);
    for (const id of [1, 2]) expect(broker(flagged, id)?.outlier).toMatchObject({ slowRequests: false, slowHeartbeat: false });
    const heartbeatFlag = await harness.waitForReport((r) => broker(r, 3)?.outlier.slowHeartbeat === true, 60_000, 'broker 3 heartbeat to be flagged slow');
    for (const id of [1, 2]) expect(broker(heartbeatFlag, id)?.outlier.slowHeartbeat).toBe(false);
    console.log(`[slow] flagged ${Math.round((flagged.takenAt - slowedAt) / 1_000)} s after the delay was added`);

    const measureFrom = Date.now() + 2_000;
    await new Promise((r) => setTimeout(r, 16_000));
    const slowed = pointsBetween(measureFrom, Date.now());

    const rise = (id: number, pick: (p: LatencyPoint) => number | null): number => medianOf(slowed.get(id), pick) - medianOf(baseline.get(id), pick);
    const figures = [1, 2, 3].map((id) => ({
      broker: id,
      request: rise(id, (p) => p.requestMs),
      ack: rise(id, (p) => p.heartbeatAckMs),
      endToEnd: rise(id, (p) => p.heartbeatEndToEndMs),
    }));
    // Load on this 2-core machine moves every broker's latency together a little; the peers show by how much.
    const peers = (pick: 'request' | 'ack' | 'endToEnd'): number => ((figures[0]?.[pick] ?? 0) + (figures[1]?.[pick] ?? 0)) / 2;
    const relative = { request: (figures[2]?.request ?? 0) - peers('request'), ack: (figures[2]?.ack ?? 0) - peers('ack'), endToEnd: (figures[2]?.endToEnd ?? 0) - peers('endToEnd') };
    console.log(`[slow] rise over baseline with a ${DELAY_MS} ms delay on broker 3: ${JSON.stringify(figures)}; relative to its peers: ${JSON.stringify(relative)}`);
    const slow = figures[2];
    expect(slow?.request).toBeGreaterThan(DELAY_MS * 0.8);
    expect(slow?.request).toBeLessThan(DELAY_MS * 1.2);
    expect(slow?.ack).toBeGreaterThan(DELAY_MS * 0.8);
    expect(slow?.ack).toBeLessThan(DELAY_MS * 1.2);
    expect(slow?.endToEnd).toBeGreaterThan(DELAY_MS * 0.8);
    expect(slow?.endToEnd).toBeLessThan(DELAY_MS * 1.2);
    for (const other of figures.slice(0, 2)) {
      expect(other.request).toBeLessThan(DELAY_MS * 0.2);
      expect(other.ack).toBeLessThan(DELAY_MS * 0.2);
    }
  });
});
