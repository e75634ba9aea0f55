import { navigate, useRouteStore } from '../navigation/route-store';
import type { TabId } from '../navigation/view-route';

const TAB_LABELS: Record<TabId, string> = {
  cluster: 'Cluster',
  brokers: 'Brokers',
  topics: 'Topics',
  correlation: 'Leader–follower',
  latency: 'Latency',
};

const TAB_ORDER: readonly TabId[] = ['cluster', 'brokers', 'latency', 'topics', 'correlation'];

export function TabBar() {
  const current = useRouteStore((s) => s.route.tab);
  return (
    <nav className="tabs" role="tablist">
      {TAB_ORDER.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab === current}
          data-testid={`tab-${tab}`}
          onClick={() => navigate({ tab, selected: null, partitions: null, brokers: null, cell: null, blast: null })}
        >
          {TAB_LABELS[tab]}
        </button>
      ))}
    </nav>
  );
}
