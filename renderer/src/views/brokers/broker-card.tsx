import { BROKER_ROLE_LABELS, brokerAddress, type BrokerRow } from '../../../../shared/broker-rows';
import { BrokerStatusBadge } from '../../components/broker-status-badge';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount, formatPercent } from '../../format/units';

export function BrokerCard({ row }: { readonly row: BrokerRow }) {
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
            <dd className="mono" data-testid="broker-instance" data-instance-id={row.instance.instanceId ?? ''} data-zone={row.instance.zone ?? ''}>
              {row.instance.instanceId ?? '?'} / {row.instance.zone ?? '?'}
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
