import { NoSnapshot } from '../../components/no-snapshot';
import { clusterModelOf } from '../../state/cluster-model-memo';
import { useSelectedSnapshot } from '../../state/selected-cluster';
import { brokerRowsOf, clusterOverviewOf } from '../../state/view-models';
import { BrokerSummary } from './broker-summary';
import { ClusterCounts } from './cluster-counts';
import { HealthList } from './health-list';
import { QuorumPanel } from './quorum-panel';

export function ClusterTab() {
  const snapshot = useSelectedSnapshot();
  if (snapshot === null) return <NoSnapshot />;
  const model = clusterModelOf(snapshot);
  const overview = clusterOverviewOf(snapshot);
  return (
    <div className="page" data-testid="cluster-tab">
      <section className="section" data-testid="health-section">
        <h2>Health</h2>
        <HealthList reasons={model.health} />
      </section>
      <section className="section">
        <h2>Counts</h2>
        <ClusterCounts overview={overview} />
      </section>
      <div className="section-grid">
        <section className="section">
          <h2>Controller and quorum</h2>
          <QuorumPanel quorum={overview.quorum} />
        </section>
        <section className="section">
          <h2>Brokers</h2>
          <BrokerSummary rows={brokerRowsOf(snapshot)} />
        </section>
      </div>
    </div>
  );
}
