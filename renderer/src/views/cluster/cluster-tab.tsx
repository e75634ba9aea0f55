import { NoSnapshot } from '../../components/no-snapshot';
import { useBrokerHealthReport } from '../../state/broker-health-store';
import { clusterModelOf } from '../../state/cluster-model-memo';
import { useSelectedSnapshot } from '../../state/selected-cluster';
import { brokerRowsOf, clusterOverviewOf, rackLoadsOf } from '../../state/view-models';
import { BrokerSummary } from './broker-summary';
import { ClusterCounts } from './cluster-counts';
import { DeploymentRulesPanel } from './deployment-rules-panel';
import { BrokerLoadChart, RackLoadChart } from './distribution-charts';
import { HealthList } from './health-list';
import { QuorumPanel } from './quorum-panel';

export function ClusterTab() {
  const snapshot = useSelectedSnapshot();
  const report = useBrokerHealthReport(snapshot?.clusterKey ?? null);
  if (snapshot === null) return <NoSnapshot />;
  const model = clusterModelOf(snapshot);
  const overview = clusterOverviewOf(snapshot);
  return (
    <div className="page" data-testid="cluster-tab">
      <section className="section" data-testid="health-section">
        <h2>Health</h2>
        {/* The snapshot's own reasons, then those only history can give (pushed with brokerHealth). */}
        <HealthList reasons={report === null ? model.health : [...model.health, ...report.health]} />
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
      <section className="section" data-testid="deployment-section">
        <h2>Deployment rules</h2>
        <DeploymentRulesPanel snapshot={snapshot} />
      </section>
      <div className="section-grid">
        <section className="section">
          <h2>Leaders and replicas per broker</h2>
          <BrokerLoadChart loads={model.brokerLoads} />
        </section>
        <section className="section">
          <h2>Replicas per rack</h2>
          <RackLoadChart racks={rackLoadsOf(snapshot)} />
        </section>
      </div>
    </div>
  );
}
