import type { ReactNode } from 'react';
import { BackendBanner } from './components/backend-banner';
import { ClusterPicker } from './components/cluster-picker';
import { StatusBar } from './components/status-bar';
import { TabBar } from './components/tab-bar';
import { useRouteStore } from './navigation/route-store';
import type { TabId } from './navigation/view-route';
import { ClusterTab } from './views/cluster/cluster-tab';

function Placeholder({ name }: { readonly name: string }) {
  return <div className="empty">{name} is coming.</div>;
}

const TAB_VIEWS: Record<TabId, () => ReactNode> = {
  cluster: () => <ClusterTab />,
  brokers: () => <Placeholder name="Brokers" />,
  topics: () => <Placeholder name="Topics" />,
  correlation: () => <Placeholder name="Leader–follower correlation" />,
};

export function App() {
  const tab = useRouteStore((s) => s.route.tab);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">Brokerscope</span>
        <TabBar />
        <span className="header-spacer" />
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
