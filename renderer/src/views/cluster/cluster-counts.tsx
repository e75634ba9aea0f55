import type { ClusterOverview } from '../../../../shared/cluster-overview';
import { formatCount } from '../../format/units';

function Stat({ label, value, testId, tone }: { readonly label: string; readonly value: number; readonly testId: string; readonly tone?: 'critical' }) {
  return (
    <div className="stat">
      <span className={`stat-value${tone !== undefined && value > 0 ? ` severity-${tone}` : ''}`} data-testid={testId} data-value={value}>
        {formatCount(value)}
      </span>
      <span className="stat-label">{label}</span>
    </div>
  );
}

export function ClusterCounts({ overview }: { readonly overview: ClusterOverview }) {
  return (
    <div className="stat-grid">
      <Stat label="live brokers" value={overview.brokers.live} testId="broker-count-live" />
      <Stat label="fenced brokers" value={overview.brokers.fenced} testId="broker-count-fenced" tone="critical" />
      <Stat label="missing brokers" value={overview.brokers.missing} testId="broker-count-missing" tone="critical" />
      <Stat label="topics" value={overview.topics} testId="topic-count" />
      <Stat label="partitions" value={overview.partitions} testId="partition-count" />
      <Stat label="replicas" value={overview.replicas} testId="replica-count" />
      <Stat label="partitions with a leader" value={overview.leaders} testId="leader-count" />
    </div>
  );
}
