import type { BrokerHealthReport } from '../shared/broker-health';
import { parseProfiles, type ClusterProfile } from '../shared/cluster-profile';
import type { ClusterSnapshot } from '../shared/cluster-snapshot';
import { KafkaHeartbeatClient } from '../electron/kafka/heartbeat-client';
import { KafkaGateway } from '../electron/kafka/kafka-gateway';
import { ClusterService, type ClusterServiceOptions } from '../electron/services/cluster-service';

export interface ServiceHarness {
  readonly profile: ClusterProfile;
  readonly service: ClusterService;
  readonly reports: BrokerHealthReport[];
  readonly snapshots: ClusterSnapshot[];
  /** Resolves with the first report from now on that satisfies `check`; fails naming `what` and the last report. */
  waitForReport(check: (report: BrokerHealthReport) => boolean, timeoutMs: number, what: string): Promise<BrokerHealthReport>;
  stop(): Promise<void>;
}

/** The real services (gateway, heartbeat client, poller, observations) against a real cluster, recording every push. */
export function startServiceHarness(options: {
  bootstrap: string;
  name: string;
  pollIntervalMs: number;
  requestTimeoutMs?: number;
  service?: Omit<ClusterServiceOptions, 'createHeartbeatTransport'>;
}): ServiceHarness {
  const [profile] = parseProfiles(
    { clusters: [{ name: options.name, bootstrap: options.bootstrap, pollIntervalMs: options.pollIntervalMs, requestTimeoutMs: options.requestTimeoutMs ?? 5_000 }] },
    'test',
  );
  if (profile === undefined) throw new Error('no profile');
  const service = new ClusterService([profile], (p) => new KafkaGateway(p), {
    ...options.service,
    createHeartbeatTransport: (p) => new KafkaHeartbeatClient(p),
  });
  const reports: BrokerHealthReport[] = [];
  const snapshots: ClusterSnapshot[] = [];
  const waiters = new Set<(report: BrokerHealthReport) => void>();
  service.subscribe((event, payload) => {
    if (event === 'snapshot') snapshots.push(payload as ClusterSnapshot);
    if (event === 'brokerHealth') {
      reports.push(payload as BrokerHealthReport);
      for (const waiter of [...waiters]) waiter(payload as BrokerHealthReport);
    }
  });
  service.start();
  return {
    profile,
    service,
    reports,
    snapshots,
    waitForReport: (check, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const last = reports.at(-1);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last report: ${JSON.stringify(last ? summary(last) : null)}`));
        }, timeoutMs);
        const waiter = (report: BrokerHealthReport): void => {
          if (!check(report)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(report);
        };
        waiters.add(waiter);
      }),
    stop: () => service.stop(),
  };
}

/** What a failing wait prints: enough to see why, not the whole series. */
export function summary(report: BrokerHealthReport): unknown {
  return {
    takenAt: report.takenAt,
    heartbeat: { state: report.heartbeat.state, error: report.heartbeat.error, coverage: report.heartbeat.coverage },
    health: report.health.map((h) => `${h.code}:${h.brokers.join(',')}`),
    brokers: report.brokers.map((b) => ({
      id: b.brokerId,
      status: b.status,
      detail: b.detail,
      rttP50: b.requestLatency.p50Ms,
      hb: b.heartbeat ? { partitions: b.heartbeat.partitions, ackP50: b.heartbeat.ackLatency.p50Ms, window: b.heartbeat.window } : null,
      outlier: b.outlier,
    })),
  };
}
