import type { Kafka } from 'kafkajs';
import type { BrokerRequestLatency } from '../../shared/cluster-snapshot';
import { errorText, TimeoutError, withTimeout } from './error-text';
import { apiVersions } from './protocol/api-versions';
import { createOwnedCluster, type OwnedCluster } from './kafkajs-internals';
import type { RawBroker } from './protocol/raw-broker';

export interface RequestLatencyProbeOptions {
  readonly timeoutMs: number;
  /** A monotonic millisecond clock with sub-millisecond resolution (performance.now by default). */
  readonly monotonicNow?: () => number;
}

/**
 * Times one ApiVersions round trip per broker. It owns a kafkajs cluster of its own, so each
 * broker's request travels on a connection nothing else uses: a broker handles one request per
 * connection at a time, and on the poll's connections the probe would queue behind a large
 * Metadata or DescribeLogDirs and measure the poll instead of the broker. Connecting is done
 * before the clock starts; only the request itself is timed.
 */
export class RequestLatencyProbe {
  private cluster: OwnedCluster | null = null;
  private readonly monotonicNow: () => number;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: RequestLatencyProbeOptions,
  ) {
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
  }

  /** One sample per broker, in parallel; each bounded by the timeout, none able to fail the others. */
  async measure(brokerIds: readonly number[]): Promise<BrokerRequestLatency[]> {
    let cluster: OwnedCluster;
    try {
      cluster = await this.connected();
    } catch (error) {
      const text = `latency probe could not connect: ${errorText(error)}`;
      return brokerIds.map((brokerId) => ({ brokerId, rttMs: null, timedOut: error instanceof TimeoutError, error: text }));
    }
    const known = new Set(cluster.nodeIds());
    if (brokerIds.some((id) => !known.has(id))) {
      // A broker this cluster has not met yet (added, or replaced): learn its address first.
      await withTimeout(cluster.refreshMetadata(), this.options.timeoutMs, 'Metadata for the latency probe').catch(() => undefined);
    }
    return Promise.all(brokerIds.map((brokerId) => this.measureOne(cluster, brokerId)));
  }

  async close(): Promise<void> {
    const cluster = this.cluster;
    this.cluster = null;
    await cluster?.disconnect().catch(() => undefined);
  }

  private async measureOne(cluster: OwnedCluster, brokerId: number): Promise<BrokerRequestLatency> {
    const timeout = this.options.timeoutMs;
    let broker: RawBroker;
    try {
      broker = await withTimeout(cluster.broker(brokerId), timeout, `connecting to broker ${brokerId}`);
      if (!broker.isConnected()) await withTimeout(broker.connect(), timeout, `connecting to broker ${brokerId}`);
    } catch (error) {
      return { brokerId, rttMs: null, timedOut: error instanceof TimeoutError, error: errorText(error) };
    }
    const started = this.monotonicNow();
    try {
      await withTimeout(apiVersions(broker), timeout, `ApiVersions on broker ${brokerId}`);
      // Two decimals: sub-millisecond on a LAN, and no false precision in the payload.
      return { brokerId, rttMs: Math.round((this.monotonicNow() - started) * 100) / 100, timedOut: false, error: null };
    } catch (error) {
      return { brokerId, rttMs: null, timedOut: error instanceof TimeoutError, error: errorText(error) };
    }
  }

  private async connected(): Promise<OwnedCluster> {
    if (this.cluster) return this.cluster;
    const cluster = createOwnedCluster(this.kafka);
    try {
      await withTimeout(cluster.connect(), this.options.timeoutMs * 2, 'connecting the latency probe');
    } catch (error) {
      await cluster.disconnect().catch(() => undefined);
      throw error;
    }
    this.cluster = cluster;
    return cluster;
  }
}
