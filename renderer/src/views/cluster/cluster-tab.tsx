import { useMemo } from 'react';
import { deploymentHealth, deploymentRules } from '../../../../shared/deployment-rules';
import { NoSnapshot } from '../../components/no-snapshot';
import { useBrokerHealthReport } from '../../state/broker-health-store';
import { useSelectedView } from '../../state/selected-cluster';
import { useThresholdsStore } from '../../state/thresholds-store';
import { BrokerSummary } from './broker-summary';
import { ClusterCounts } from './cluster-counts';
import { DeploymentRulesPanel } from './deployment-rules-panel';
import { BrokerLoadChart, RackLoadChart } from './distribution-charts';
import { HealthList } from './health-list';
import { QuorumPanel } from './quorum-panel';

export function ClusterTab() {
  const view = useSelectedView();
  const report = useBrokerHealthReport(view?.snapshot.clusterKey ?? null);
  const thresholds = useThresholdsStore((s) => s.thresholds);
  const rules = useMemo(() => (view === null ? [] : deploymentRules(view.deployment, view.model, thresholds)), [view, thresholds]);
  if (view === null) return <NoSnapshot />;
  const { model, overview } = view;
  return (
    <div className="page" data-testid="cluster-tab">
      <section className="section" data-testid="health-section">
        <h2>Health</h2>
        {/* The snapshot's own reasons, the rules that fail, then those only history can give (pushed with brokerHealth). */}
        <HealthList reasons={[...model.health, ...deploymentHealth(rules), ...(report?.health ?? [])]} />
      </section>
      <section className="section">
        <h2>Counts</h2>
        <ClusterCounts overview={overview} />
      </section>
      <div className="section-grid">
        <section className="section">
          <h2>Controller and quorum</h2>
          <QuorumPanel quorum={overview.quorum} clusterKey={view.snapshot.clusterKey} />
        </section>
        <section className="section">
          <h2>Brokers</h2>
          <BrokerSummary rows={view.brokerRows} clusterKey={view.snapshot.clusterKey} />
        </section>
      </div>
      <section className="section" data-testid="deployment-section">
        <h2>Deployment rules</h2>
        <DeploymentRulesPanel results={rules} />
      </section>
      <div className="section-grid">
        <section className="section">
          <h2>Leaders and replicas per broker</h2>
          <BrokerLoadChart loads={model.brokerLoads} />
        </section>
        <section className="section">
          <h2>Replicas per rack</h2>
          <RackLoadChart racks={view.rackLoads} />
        </section>
      </div>
    </div>
  );
}
