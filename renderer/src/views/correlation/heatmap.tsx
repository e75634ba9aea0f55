import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { cellAt, type LeaderFollowerMatrix } from '../../../../shared/leader-follower-matrix';
import type { MatrixCellRef } from '../../navigation/view-route';

interface HeatmapProps {
  readonly matrix: LeaderFollowerMatrix;
  /** Broker ids in display order for each axis. */
  readonly leaders: readonly number[];
  readonly followers: readonly number[];
  readonly selectedBroker: number | null;
  readonly selectedCell: MatrixCellRef | null;
  readonly outlier: number | null;
  readonly onCell: (cell: MatrixCellRef) => void;
  readonly onBroker: (brokerId: number) => void;
}

const HEADER = 44;

/**
 * Rows are leaders, columns followers. Both axes are virtualized, so a 200 × 200 matrix draws only
 * the cells in view. Out-of-sync cells carry a border and a "!" besides their colour.
 */
export function Heatmap(props: HeatmapProps) {
  const { matrix, leaders, followers } = props;
  const n = matrix.brokerIds.length;
  const cellSize = n <= 24 ? 40 : n <= 60 ? 24 : 16;
  const showNumbers = cellSize >= 24;
  const index = new Map(matrix.brokerIds.map((id, i) => [id, i]));
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: leaders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cellSize,
    overscan: 4,
    scrollMargin: HEADER,
  });
  const cols = useVirtualizer({
    count: followers.length,
    horizontal: true,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cellSize,
    overscan: 4,
    scrollMargin: HEADER,
  });
  const width = HEADER + followers.length * cellSize;
  const height = HEADER + leaders.length * cellSize;
  const max = Math.max(matrix.maxReplicated, 1);

  const headerClass = (id: number): string =>
    ['hm-head', id === props.selectedBroker ? 'hm-head-selected' : '', id === props.outlier ? 'hm-head-outlier' : ''].join(' ');

  return (
    <div className="hm-scroll" ref={scrollRef} data-testid="heatmap" data-size={n}>
      <div className="hm-inner" style={{ width, height }}>
        <div className="hm-colheads" style={{ width, height: HEADER }}>
          <div className="hm-corner" style={{ width: HEADER, height: HEADER }} title="Rows: leaders. Columns: followers.">
            <span>L \ F</span>
          </div>
          {cols.getVirtualItems().map((col) => {
            const id = followers[col.index] as number;
            return (
              <button
                type="button"
                key={id}
                className={`${headerClass(id)} hm-colhead`}
                style={{ left: col.start, width: cellSize, height: HEADER }}
                data-testid="matrix-follower-head"
                data-broker-id={id}
                onClick={() => props.onBroker(id)}
                title={`Follower ${id}${id === props.outlier ? ' — most often out of ISR' : ''}`}
              >
                {id === props.outlier ? '⚠' : ''}
                {id}
              </button>
            );
          })}
        </div>
        <div className="hm-rowheads" style={{ width: HEADER, height: height - HEADER }}>
          {rows.getVirtualItems().map((row) => {
            const id = leaders[row.index] as number;
            return (
              <button
                type="button"
                key={id}
                className={`${headerClass(id)} hm-rowhead`}
                style={{ top: row.start - HEADER, height: cellSize, width: HEADER }}
                data-testid="matrix-leader-head"
                data-broker-id={id}
                onClick={() => props.onBroker(id)}
                title={`Leader ${id}${id === props.outlier ? ' — most often out of ISR' : ''}`}
              >
                {id === props.outlier ? '⚠' : ''}
                {id}
              </button>
            );
          })}
        </div>
        <div className="hm-cells" style={{ top: HEADER, left: HEADER, width: width - HEADER, height: height - HEADER }}>
          {rows.getVirtualItems().flatMap((row) => {
            const leader = leaders[row.index] as number;
            const li = index.get(leader) as number;
            return cols.getVirtualItems().map((col) => {
              const follower = followers[col.index] as number;
              const cell = cellAt(matrix, li, index.get(follower) as number);
              const diagonal = leader === follower;
              const selected = props.selectedCell?.leader === leader && props.selectedCell.follower === follower;
              const inFocus = props.selectedBroker === leader || props.selectedBroker === follower;
              const share = cell.replicated / max;
              const className = [
                'hm-cell',
                diagonal ? 'hm-diagonal' : '',
                cell.outOfSync > 0 ? 'hm-out-of-sync' : '',
                selected ? 'hm-selected' : '',
                inFocus ? 'hm-focus' : '',
              ].join(' ');
              return (
                <button
                  type="button"
                  key={`${leader}>${follower}`}
                  className={className}
                  style={{
                    top: row.start - HEADER,
                    left: col.start - HEADER,
                    width: cellSize,
                    height: cellSize,
                    background: diagonal || cell.replicated === 0 ? undefined : `color-mix(in srgb, var(--heat-1) ${Math.round(15 + share * 85)}%, var(--heat-0))`,
                    color: share > 0.55 ? 'var(--replica-fg)' : undefined,
                  }}
                  disabled={diagonal}
                  data-testid="matrix-cell"
                  data-leader={leader}
                  data-follower={follower}
                  data-replicated={cell.replicated}
                  data-out-of-sync={cell.outOfSync}
                  title={
                    diagonal
                      ? `Broker ${leader} does not follow itself`
                      : `Leader ${leader} → follower ${follower}: ${cell.replicated} partitions, ${cell.outOfSync} with ${follower} out of sync`
                  }
                  onClick={() => props.onCell({ leader, follower })}
                >
                  {showNumbers && !diagonal && cell.replicated > 0 && <span>{cell.replicated}</span>}
                  {cell.outOfSync > 0 && (
                    <span className="hm-badge" aria-label={`${cell.outOfSync} out of sync`}>
                      !{showNumbers ? cell.outOfSync : ''}
                    </span>
                  )}
                </button>
              );
            });
          })}
        </div>
      </div>
    </div>
  );
}
