import { BROKER_ROLE_LABELS, brokerAddress } from '../../../../shared/broker-rows';
import { BrokerStatusBadge } from '../../components/broker-status-badge';
import { LivenessBadge } from '../../components/liveness-badge';
import { OutlierFlags, outlierKinds } from '../../components/outlier-flags';
import { UnknownValue } from '../../components/unknown-value';
import { formatAvailability, formatBytes, formatCount, formatMs, formatPercent } from '../../format/units';
import type { BrokerTableRow } from '../../state/broker-table-rows';

export function BrokerCard({ row }: { readonly row: BrokerTableRow }) {
  const latency = row.health?.requestLatency ?? null;
  const heartbeat = row.health?.heartbeat ?? null;
  return (
    <>
      <div className="card-title">
        <span>Broker {row.id}</span>
        <BrokerStatusBadge status={row.status} />
        {row.role !== null && <span className="pill">{BROKER_ROLE_LABELS[row.role]}</span>}
      </div>
      <dl className="card-facts">
        <dt>address</dt>
        <dd className="mono">{brokerAddress(row) ?? 'not registered'}</dd>
        <dt>rack</dt>
        <dd data-testid="broker-rack">{row.rack ?? ''}</dd>
        {row.instance !== null && (
          <>
            <dt title="instance / zone">instance</dt>
            <dd className="mono" data-testid="broker-instance" data-instance-id={row.instance.instanceId} data-zone={row.instance.zone ?? ''}>
              {row.instance.instanceId} / {row.instance.zone ?? '?'}
            </dd>
            <dt>instance type</dt>
            <dd className="mono" data-testid="broker-instance-type" data-instance-type={row.instance.instanceType ?? ''}>
              {row.instance.instanceType ?? <span className="muted">unknown</span>}
            </dd>
          </>
        )}
        <dt>leaders / replicas</dt>
        <dd>
          {formatCount(row.leaders)} / {formatCount(row.replicas)} <span className="muted">({formatPercent(row.leaderSkewPct)} / {formatPercent(row.replicaSkewPct)})</span>
        </dd>
        <dt>out of sync / offline</dt>
        <dd className={row.outOfSyncReplicas + row.offlineReplicas > 0 ? 'severity-warning' : undefined}>
          {formatCount(row.outOfSyncReplicas)} / {formatCount(row.offlineReplicas)}
        </dd>
        <dt>liveness</dt>
        <dd>
          <LivenessBadge health={row.health} />
        </dd>
        <dt title="request round trip: last / p99">RTT last / p99</dt>
        <dd>
          {latency === null ? (
            <span className="muted">—</span>
          ) : (
            <>
              <span data-testid="broker-latency-last">{latency.lastMs === null && latency.samples > 0 ? 'unknown' : formatMs(latency.lastMs)}</span> /{' '}
              <span data-testid="broker-latency-p99">{latency.p99Ms === null && latency.samples > 0 ? 'unknown' : formatMs(latency.p99Ms)}</span>
            </>
          )}
        </dd>
        {heartbeat !== null && (
          <>
            <dt title="heartbeat ack p50 / end-to-end p50 / availability">heartbeat</dt>
            <dd>
              {formatMs(heartbeat.ackLatency.p50Ms)} / {formatMs(heartbeat.endToEndLatency.p50Ms)} / {formatAvailability(heartbeat.availability)}
            </dd>
          </>
        )}
        {row.health !== null && outlierKinds(row.health.outlier).length > 0 && (
          <>
            <dt>outlier</dt>
            <dd>
              <OutlierFlags flags={row.health.outlier} />
            </dd>
          </>
        )}
        <dt>disk used</dt>
        <dd>{row.diskUsed.status === 'ok' ? formatBytes(row.diskUsed.value) : <UnknownValue error={row.diskUsed.error} />}</dd>
        {row.errors.length > 0 && (
          <>
            <dt>poll errors</dt>
            <dd className="severity-warning" data-testid="broker-error" data-broker-id={row.id} title={row.errors.map((e) => `${e.operation}: ${e.error}`).join('\n')}>
              {row.errors.map((e) => e.operation).join(', ')}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
