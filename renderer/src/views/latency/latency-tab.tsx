import { useState } from 'react';
import type { BrokerHealthReport, BrokerLatencySeries, LatencyHistory, LatencyPoint } from '../../../../shared/broker-health';
import { seriesHasValues } from '../../../../shared/latency-chart-data';
import { NoSnapshot } from '../../components/no-snapshot';
import { formatClock, formatDurationMs } from '../../format/units';
import { useBrokerHealthReport, useHeartbeatStatus } from '../../state/broker-health-store';
import { useSelectedClusterKey } from '../../state/clusters-store';
import { AvailabilityStrip } from './availability-strip';
import { HeartbeatControls } from './heartbeat-controls';
import { LatencyHistoryButton } from './latency-history-button';
import { LatencyLinesChart } from './latency-lines-chart';

type HeartbeatMetric = 'ack' | 'endToEnd';

const PICK_REQUEST = (p: LatencyPoint): number | null => p.requestMs;
const PICK_HEARTBEAT: Record<HeartbeatMetric, (p: LatencyPoint) => number | null> = {
  ack: (p) => p.heartbeatAckMs,
  endToEnd: (p) => p.heartbeatEndToEndMs,
};
const METRIC_LABELS: Record<HeartbeatMetric, string> = { ack: 'produce → ack (acks=all)', endToEnd: 'produce → read back' };

function outliersOf(report: BrokerHealthReport, kind: 'requests' | 'heartbeat'): ReadonlyMap<number, string> {
  const flagged = new Map<number, string>();
  for (const b of report.brokers) {
    if (kind === 'requests' && b.outlier.slowRequests) flagged.set(b.brokerId, 'slow requests');
    if (kind === 'heartbeat' && b.outlier.slowHeartbeat) flagged.set(b.brokerId, 'slow heartbeat');
  }
  return flagged;
}

export function LatencyTab() {
  const clusterKey = useSelectedClusterKey();
  const report = useBrokerHealthReport(clusterKey);
  const heartbeat = useHeartbeatStatus(clusterKey);
  const [history, setHistory] = useState<LatencyHistory | null>(null);
  const [metric, setMetric] = useState<HeartbeatMetric>('ack');
  if (clusterKey === null) return <NoSnapshot />;

  const shownHistory = history !== null && history.clusterKey === clusterKey ? history : null;
  const series: readonly BrokerLatencySeries[] = shownHistory?.series ?? report?.series ?? [];
  const heartbeatOn = heartbeat?.enabled === true || seriesHasValues(series, PICK_HEARTBEAT.ack);
  return (
    <div className="page" data-testid="latency-tab">
      <section className="section" data-testid="heartbeat-section">
        <h2>Heartbeat</h2>
        <HeartbeatControls clusterKey={clusterKey} status={heartbeat} />
      </section>
      {report === null ? (
        <div className="empty" data-testid="latency-no-report">
          No broker health report for {clusterKey} yet: it arrives after the next poll.
        </div>
      ) : (
        <>
          <p className="muted" data-testid="latency-scope">
            {shownHistory === null ? (
              <>
                Polls of {series.length} brokers up to {formatClock(report.takenAt)}; the brokers table’s percentiles cover the last {formatDurationMs(report.latencyWindowMs)}.
                {report.seriesTruncated && (
                  <span data-testid="latency-truncated">
                    {' '}
                    Only the flagged and slowest brokers are drawn. <LatencyHistoryButton clusterKey={clusterKey} onLoaded={setHistory} />
                  </span>
                )}
              </>
            ) : (
              <>
                Every broker’s kept history ({formatDurationMs(shownHistory.historyMs)}), as loaded; not updating.{' '}
                <button type="button" className="link" data-testid="latency-back-to-live" onClick={() => setHistory(null)}>
                  back to live
                </button>
              </>
            )}
          </p>
          <section className="section">
            <h2>Request round trip per broker</h2>
            <LatencyLinesChart testId="latency-chart" label="Request round trip per broker over time" series={series} pick={PICK_REQUEST} outliers={outliersOf(report, 'requests')} />
          </section>
          <section className="section">
            <h2>
              Heartbeat latency per leader{' '}
              {heartbeatOn && (
                <span className="segmented" role="group" aria-label="Heartbeat latency metric">
                  {(['ack', 'endToEnd'] as const).map((m) => (
                    <button key={m} type="button" aria-pressed={metric === m} data-testid={`heartbeat-metric-${m}`} onClick={() => setMetric(m)}>
                      {METRIC_LABELS[m]}
                    </button>
                  ))}
                </span>
              )}
            </h2>
            {heartbeatOn ? (
              <LatencyLinesChart
                testId="heartbeat-chart"
                label={`Heartbeat ${METRIC_LABELS[metric]} latency per leader broker over time`}
                series={series}
                pick={PICK_HEARTBEAT[metric]}
                outliers={outliersOf(report, 'heartbeat')}
              />
            ) : (
              <p className="empty" data-testid="heartbeat-chart-off">
                The heartbeat is off: turn it on above to measure produce and end-to-end latency through each broker.
              </p>
            )}
          </section>
          <section className="section">
            <h2>Availability per broker</h2>
            <AvailabilityStrip series={series} />
          </section>
        </>
      )}
    </div>
  );
}
