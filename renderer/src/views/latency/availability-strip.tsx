import { AVAILABILITY_STATE_LABELS, availabilityGrid, type AvailabilityState } from '../../../../shared/latency-chart-data';
import type { BrokerLatencySeries, LatencyPoint } from '../../../../shared/broker-health';
import { formatAvailability, formatClock, formatMs } from '../../format/units';

/** A glyph per state as well as a colour and a pattern (see latency.css), so colour is never the only cue. */
const GLYPHS: Record<AvailabilityState, string> = { up: '', degraded: '~', timeout: 'T', down: '×', unknown: '?' };
const LEGEND_ORDER: readonly AvailabilityState[] = ['up', 'degraded', 'timeout', 'down', 'unknown'];

function cellTitle(brokerId: number, t: number, state: AvailabilityState, point: LatencyPoint | null): string {
  const lines = [`broker ${brokerId} at ${formatClock(t)}: ${AVAILABILITY_STATE_LABELS[state]}`];
  if (point === null) lines.push('no poll of this broker at this time');
  else {
    lines.push(point.requestTimedOut ? 'request timed out' : `request ${formatMs(point.requestMs)}`);
    if (point.heartbeatAvailability !== null) lines.push(`heartbeat acknowledged ${formatAvailability(point.heartbeatAvailability)}`);
  }
  return lines.join('\n');
}

/** One row per broker, one cell per poll: heartbeat availability, or the request probe when the heartbeat is off. */
export function AvailabilityStrip({ series }: { readonly series: readonly BrokerLatencySeries[] }) {
  const grid = availabilityGrid(series);
  if (grid.rows.length === 0) return <p className="empty">No polls recorded yet.</p>;
  return (
    <div data-testid="availability-strip" data-points={grid.times.length}>
      <div className="avail-strip" role="table" aria-label="Availability per broker and poll">
        {grid.rows.map((row) => (
          <div key={row.brokerId} className="avail-row" role="row" data-testid="availability-row" data-broker-id={row.brokerId}>
            <span className="avail-label" role="rowheader">
              broker {row.brokerId}
            </span>
            <span className="avail-cells">
              {row.cells.map((cell) => (
                <span
                  key={cell.t}
                  role="cell"
                  className={`avail-cell avail-${cell.state}`}
                  data-testid="availability-cell"
                  data-broker-id={row.brokerId}
                  data-state={cell.state}
                  data-t={cell.t}
                  title={cellTitle(row.brokerId, cell.t, cell.state, cell.point)}
                  aria-label={`${formatClock(cell.t)} ${AVAILABILITY_STATE_LABELS[cell.state]}`}
                >
                  {GLYPHS[cell.state]}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
      <div className="avail-legend" data-testid="availability-legend">
        {LEGEND_ORDER.map((state) => (
          <span key={state} className="avail-legend-item">
            <span className={`avail-cell avail-${state}`} aria-hidden="true">
              {GLYPHS[state]}
            </span>{' '}
            {AVAILABILITY_STATE_LABELS[state]}
          </span>
        ))}
        <span className="muted">
          {grid.times.length > 0 && `${formatClock(grid.times[0] ?? 0)} – ${formatClock(grid.times[grid.times.length - 1] ?? 0)}`}
        </span>
      </div>
    </div>
  );
}
