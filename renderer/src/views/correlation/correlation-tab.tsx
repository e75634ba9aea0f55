import { useMemo } from 'react';
import { axisOrder, followersOf, leadersOf, type AxisSortKey, type MatrixAxis } from '../../../../shared/leader-follower-matrix';
import { NoSnapshot } from '../../components/no-snapshot';
import { ReplicaLegend } from '../../components/replica-legend';
import { navigate, updateTable, useRoute } from '../../navigation/route-store';
import { tableState } from '../../navigation/view-route';
import { useSelectedView } from '../../state/selected-cluster';
import { useEngineAnswer } from '../../state/use-engine-answer';
import { BlastPartitions } from './blast-partitions';
import { BlastRadiusPanel } from './blast-radius-panel';
import { BrokerRelations } from './broker-relations';
import { CellPartitions } from './cell-partitions';
import { Heatmap } from './heatmap';

const AXIS_TABLES: Record<MatrixAxis, string> = { leader: 'matrix-leaders', follower: 'matrix-followers' };
const SORT_KEYS: readonly AxisSortKey[] = ['id', 'replicated', 'out-of-sync'];
const SORT_LABELS: Record<AxisSortKey, string> = { id: 'broker id', replicated: 'partitions', 'out-of-sync': 'out-of-sync replicas' };

function AxisSort({ axis, label, value }: { readonly axis: MatrixAxis; readonly label: string; readonly value: { by: AxisSortKey; desc: boolean } }) {
  return (
    <label>
      <span className="muted">{label} by </span>
      <select
        data-testid={`matrix-sort-${axis}s`}
        value={`${value.desc ? '-' : ''}${value.by}`}
        onChange={(e) => {
          const raw = e.target.value;
          const desc = raw.startsWith('-');
          updateTable(AXIS_TABLES[axis], { sort: { id: desc ? raw.slice(1) : raw, desc } });
        }}
      >
        {SORT_KEYS.flatMap((key) => [
          <option key={key} value={key}>
            {SORT_LABELS[key]} ▲
          </option>,
          <option key={`-${key}`} value={`-${key}`}>
            {SORT_LABELS[key]} ▼
          </option>,
        ])}
      </select>
    </label>
  );
}

function axisSort(route: ReturnType<typeof useRoute>, axis: MatrixAxis): { by: AxisSortKey; desc: boolean } {
  const sort = tableState(route, AXIS_TABLES[axis]).sort;
  const by = SORT_KEYS.find((k) => k === sort?.id) ?? 'id';
  return { by, desc: sort?.desc ?? false };
}

export function CorrelationTab() {
  const view = useSelectedView();
  const route = useRoute();
  const leaderSort = axisSort(route, 'leader');
  const followerSort = axisSort(route, 'follower');
  const matrix = view?.matrix ?? null;
  const leaders = useMemo(() => (matrix === null ? [] : axisOrder(matrix, 'leader', leaderSort.by, leaderSort.desc)), [matrix, leaderSort.by, leaderSort.desc]);
  const followers = useMemo(
    () => (matrix === null ? [] : axisOrder(matrix, 'follower', followerSort.by, followerSort.desc)),
    [matrix, followerSort.by, followerSort.desc],
  );
  const selected = route.selected === null || !/^-?\d+$/.test(route.selected) ? null : Number(route.selected);
  const radius =
    useEngineAnswer(view === null || selected === null ? null : { kind: 'blastRadius', clusterKey: view.snapshot.clusterKey, brokerId: selected }, view?.version ?? null) ?? null;
  if (view === null || matrix === null) return <NoSnapshot />;
  const { snapshot } = view;
  const outlier = view.isrOutlier;

  return (
    <div className="page" data-testid="correlation-tab">
      <div className="detail-header">
        <AxisSort axis="leader" label="Rows (leaders)" value={leaderSort} />
        <AxisSort axis="follower" label="Columns (followers)" value={followerSort} />
        {outlier !== null ? (
          <span className="pill pill-warning" data-testid="isr-outlier" data-broker-id={outlier.brokerId}>
            ⚠ Most often out of the ISR: broker{' '}
            <button type="button" className="link" onClick={() => navigate({ selected: String(outlier.brokerId) }, 'replace')}>
              {outlier.brokerId}
            </button>
            , {outlier.outOfSync} of its {outlier.hosted} replicas ({outlier.sharePct.toFixed(outlier.sharePct < 10 ? 1 : 0)} %); the next broker: {outlier.runnerUpOutOfSync}
          </span>
        ) : (
          <span className="pill pill-ok" data-testid="isr-outlier-none">
            Every replica on a live broker is in sync
          </span>
        )}
      </div>
      <p className="muted">
        Each cell counts the partitions the row’s broker leads and the column’s broker replicates; “!” marks those where the follower is out of the ISR.
        A column of “!” is a slow follower; a row of them, a leader its followers cannot keep up with. Click a cell for its partitions, a broker for its
        relations and blast radius.
      </p>
      <div className="correlation-layout">
        <Heatmap
          matrix={matrix}
          leaders={leaders}
          followers={followers}
          selectedBroker={selected}
          selectedCell={route.cell}
          outlier={outlier?.brokerId ?? null}
          onCell={(cell) => navigate({ cell, blast: null }, 'replace')}
          onBroker={(id) => navigate({ selected: String(id) }, 'replace')}
        />
        <section className="section" data-testid="broker-correlation">
          {selected === null || radius === null ? (
            <p className="muted">Select a broker (a row or column heading) to see who follows it, whom it follows, and what would break if it died.</p>
          ) : (
            <>
              <h2>
                Broker {selected}{' '}
                <button type="button" className="link" onClick={() => navigate({ tab: 'brokers', selected: String(selected), cell: null })}>
                  details
                </button>
              </h2>
              <BlastRadiusPanel radius={radius} />
              <div className="section-grid">
                <BrokerRelations
                  title={`Follows broker ${selected}`}
                  relations={followersOf(matrix, selected)}
                  tableId="followers"
                  testId="follower-relation"
                  selected={selected}
                  selectedIs="leader"
                />
                <BrokerRelations
                  title={`Broker ${selected} follows`}
                  relations={leadersOf(matrix, selected)}
                  tableId="followed"
                  testId="leader-relation"
                  selected={selected}
                  selectedIs="follower"
                />
              </div>
            </>
          )}
        </section>
      </div>
      {(route.cell !== null || route.blast !== null) && <ReplicaLegend />}
      {route.cell !== null && <CellPartitions clusterKey={snapshot.clusterKey} cell={route.cell} />}
      {route.blast !== null && <BlastPartitions clusterKey={snapshot.clusterKey} blast={route.blast} />}
    </div>
  );
}
