import type { ReactNode } from 'react';
import { BackendBanner } from './components/backend-banner';
import { ClusterPicker } from './components/cluster-picker';
import { JumpBox } from './components/jump-box';
import { StatusBar } from './components/status-bar';
import { TabBar } from './components/tab-bar';
import { useRouteStore } from './navigation/route-store';
import type { TabId } from './navigation/view-route';
import { BrokersTab } from './views/brokers/brokers-tab';
import { ClusterTab } from './views/cluster/cluster-tab';
import { CorrelationTab } from './views/correlation/correlation-tab';
import { LatencyTab } from './views/latency/latency-tab';
import { TopicsTab } from './views/topics/topics-tab';

const TAB_VIEWS: Record<TabId, () => ReactNode> = {
  cluster: () => <ClusterTab />,
  brokers: () => <BrokersTab />,
  topics: () => <TopicsTab />,
  correlation: () => <CorrelationTab />,
  latency: () => <LatencyTab />,
};

export function App() {
  const tab = useRouteStore((s) => s.route.tab);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">Brokerscope</span>
        <TabBar />
        <span className="header-spacer" />
        <JumpBox />
        <ClusterPicker />
      </header>
      <BackendBanner />
      <StatusBar />
      <main className="main" data-testid={`view-${tab}`}>
        {TAB_VIEWS[tab]()}
      </main>
    </div>
  );
}
