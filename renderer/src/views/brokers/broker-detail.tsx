import { BROKER_ROLE_LABELS, brokerAddress, type BrokerRow } from '../../../../shared/broker-rows';
import type { BrokerTopicGroup } from '../../../../shared/broker-partitions';
import { INSTANCE_SOURCE_LABELS } from '../../../../shared/instance-mapping';
import { BrokerStatusBadge } from '../../components/broker-status-badge';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount, formatPercent } from '../../format/units';
import { navigate } from '../../navigation/route-store';
import { useBrokerHealthReport } from '../../state/broker-health-store';
import type { ClusterView } from '../../engine/cluster-view';
import { useEngineAnswer } from '../../state/use-engine-answer';
import { DataTable } from '../../table/data-table';
import { BrokerHealthFacts } from './broker-health-facts';
import { BROKER_TOPIC_COLUMNS } from './broker-topic-columns';
import { LogDirsTable } from './log-dirs-table';

const NO_GROUPS: readonly BrokerTopicGroup[] = [];
const groupKey = (g: BrokerTopicGroup): string => g.topic;
const groupAttributes = (g: BrokerTopicGroup) => ({ 'data-topic': g.topic });
const openTopic = (g: BrokerTopicGroup): void => navigate({ tab: 'topics', selected: g.topic, partitions: null });

/** Without an instance: either no resolver is configured, or none of the chain answered for this broker. */
function noInstance(resolverConfigured: boolean): string {
  return resolverConfigured ? 'not resolved: no resolver in the chain answered' : 'no instance resolver';
}

function Facts({ row, resolverConfigured }: { readonly row: BrokerRow; readonly resolverConfigured: boolean }) {
  return (
    <dl className="card-facts" data-testid="broker-facts">
      <dt>address</dt>
      <dd className="mono">{brokerAddress(row) ?? 'not registered'}</dd>
      <dt>rack</dt>
      <dd data-testid="broker-rack">{row.rack ?? 'none'}</dd>
      <dt>instance / zone</dt>
      <dd data-testid="broker-instance" data-instance-id={row.instance?.instanceId ?? ''} data-zone={row.instance?.zone ?? ''}>
        {row.instance === null ? <span className="muted">{noInstance(resolverConfigured)}</span> : `${row.instance.instanceId} / ${row.instance.zone ?? '?'}`}
      </dd>
      {row.instance !== null && (
        <>
          <dt>instance type</dt>
          <dd data-testid="broker-instance-type" data-instance-type={row.instance.instanceType ?? ''}>
            {row.instance.instanceType ?? <span className="muted">unknown</span>}
          </dd>
          <dt>instance source</dt>
          <dd data-testid="broker-instance-source" data-source={row.instance.source}>
            {INSTANCE_SOURCE_LABELS[row.instance.source]}
          </dd>
        </>
      )}
      <dt>leaders</dt>
      <dd>
        {formatCount(row.leaders)} <span className="muted">skew {formatPercent(row.leaderSkewPct)}</span>
      </dd>
      <dt>replicas</dt>
      <dd>
        {formatCount(row.replicas)} <span className="muted">skew {formatPercent(row.replicaSkewPct)}</span>
      </dd>
      <dt>preferred leader of</dt>
      <dd>
        {formatCount(row.preferredLeaders)} <span className="muted">(leads {formatCount(row.preferredLeading)} of them)</span>
      </dd>
      <dt>out of sync / offline</dt>
      <dd>
        {formatCount(row.outOfSyncReplicas)} / {formatCount(row.offlineReplicas)}
      </dd>
      <dt>disk used</dt>
      <dd>{row.diskUsed.status === 'ok' ? formatBytes(row.diskUsed.value) : <UnknownValue error={row.diskUsed.error} />}</dd>
    </dl>
  );
}

export function BrokerDetail({ view, brokerId }: { readonly view: ClusterView; readonly brokerId: number }) {
  const { snapshot } = view;
  const report = useBrokerHealthReport(snapshot.clusterKey);
  const row = view.brokerRows.find((r) => r.id === brokerId);
  const groups = useEngineAnswer({ kind: 'brokerGroups', clusterKey: snapshot.clusterKey, brokerId }, view.version);
  const health = report?.brokers.find((b) => b.brokerId === brokerId) ?? null;
  const back = (
    <button type="button" className="link" data-testid="back-to-brokers" onClick={() => navigate({ selected: null })}>
      ← all brokers
    </button>
  );
  if (row === undefined) {
    return (
      <div className="page">
        {back}
        <p className="empty" data-testid="broker-not-found">
          Broker {brokerId} is not part of {snapshot.profileName} in the latest snapshot.
        </p>
      </div>
    );
  }
  const broker = snapshot.brokers.find((b) => b.id === brokerId);
  return (
    <div className="page page-fill" data-testid="broker-detail" data-broker-id={brokerId}>
      <div className="detail-header">
        {back}
        <h1>Broker {brokerId}</h1>
        <BrokerStatusBadge status={row.status} />
        {row.role !== null && <span className="pill">{BROKER_ROLE_LABELS[row.role]}</span>}
        <button type="button" className="link" data-testid="open-correlation" onClick={() => navigate({ tab: 'correlation', selected: String(brokerId), cell: null })}>
          followers, leaders and blast radius →
        </button>
      </div>
      {row.errors.length > 0 && (
        <ul className="broker-errors">
          {row.errors.map((e) => (
            <li key={`${e.operation}-${e.error}`} className="severity-warning" data-testid="broker-error" data-broker-id={brokerId}>
              {e.operation}: {e.error}
            </li>
          ))}
        </ul>
      )}
      <div className="section-grid">
        <section className="section">
          <h2>Broker</h2>
          <Facts row={row} resolverConfigured={snapshot.instances !== undefined} />
        </section>
        <section className="section">
          <h2>Liveness and latency</h2>
          <BrokerHealthFacts health={health} />
        </section>
      </div>
      {/* Full width: a log directory's path is the thing to read, and it is long. */}
      <section className="section">
        <h2>Log directories</h2>
        <LogDirsTable broker={broker} clusterKey={snapshot.clusterKey} />
      </section>
      <h2 className="subheading">Partitions it leads and follows, by topic</h2>
      <DataTable
        tableId="broker-topics"
        rows={groups ?? NO_GROUPS}
        columns={BROKER_TOPIC_COLUMNS}
        rowKey={groupKey}
        rowTestId="broker-topic-row"
        rowAttributes={groupAttributes}
        onRowClick={openTopic}
        csvFileName={`${snapshot.clusterKey}-broker-${brokerId}-partitions.csv`}
        emptyText={groups === undefined ? 'Loading…' : 'This broker hosts no replicas.'}
        filterPlaceholder="Filter topics (text or /regex/)"
      />
    </div>
  );
}
