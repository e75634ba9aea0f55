import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BrokerLatencySeries, LatencyPoint } from '../../../../shared/broker-health';
import { latencyChartRows, type LatencyChartRow } from '../../../../shared/latency-chart-data';
import { formatClock, formatMs } from '../../format/units';

// Okabe–Ito hues first (distinguishable with the common colour-vision deficiencies); red is kept for outliers.
const PALETTE = ['#0072b2', '#009e73', '#e69f00', '#56b4e9', '#cc79a7', '#f0e442', '#7f7f7f', '#8c6bb1', '#2ca6a4', '#b8860b'] as const;
const OUTLIER = 'var(--critical)';
const BAND = 'var(--fg-muted)';
const AXIS = { fill: 'var(--fg-muted)', fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--bg-raised)', border: '1px solid var(--border)', color: 'var(--fg)' };

export interface LatencyLinesChartProps {
  readonly testId: string;
  readonly label: string;
  readonly series: readonly BrokerLatencySeries[];
  readonly pick: (point: LatencyPoint) => number | null;
  /** Brokers drawn thick and red, with the reason in their legend entry. */
  readonly outliers: ReadonlyMap<number, string>;
}

interface ChartDatum extends LatencyChartRow {
  /** recharts draws a range area from a [low, high] pair under a plain key. */
  readonly band: readonly [number, number] | null;
}

const withBand = (row: LatencyChartRow): ChartDatum => ({ ...row, band: row.median === null || row.p99 === null ? null : [row.median, row.p99] });

/** One line per broker, and behind them the spread across brokers at each poll (median to p99). */
export function LatencyLinesChart({ testId, label, series, pick, outliers }: LatencyLinesChartProps) {
  const rows = latencyChartRows(series, pick).map(withBand);
  const brokers = [...series].map((s) => s.brokerId).sort((a, b) => a - b);
  return (
    <div className="latency-chart-block">
      <div className="chart-box latency-chart-box" data-testid={testId} data-points={rows.length} data-brokers={brokers.join(',')} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tick={AXIS} tickFormatter={(t: number) => formatClock(t)} />
            <YAxis tick={AXIS} unit=" ms" width={64} />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(t) => formatClock(Number(t))}
              formatter={(value) => (Array.isArray(value) ? value.map((v) => formatMs(Number(v))).join(' – ') : formatMs(Number(value)))}
            />
            <Legend />
            <Area dataKey="band" name="cluster p50–p99" stroke="none" fill={BAND} fillOpacity={0.12} isAnimationActive={false} connectNulls={false} />
            {brokers.map((id, index) => {
              const reason = outliers.get(id);
              return (
                <Line
                  key={id}
                  dataKey={(row: ChartDatum) => row.values[id] ?? null}
                  name={reason === undefined ? `broker ${id}` : `broker ${id} ▲ ${reason}`}
                  stroke={reason === undefined ? PALETTE[index % PALETTE.length] : OUTLIER}
                  strokeWidth={reason === undefined ? 1.5 : 3.5}
                  strokeDasharray={reason === undefined ? undefined : '6 2'}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {outliers.size > 0 && (
        <ul className="plain-list latency-outliers">
          {[...outliers].map(([id, reason]) => (
            <li key={id} className="severity-warning" data-testid="latency-outlier" data-broker-id={id}>
              ▲ broker {id}: {reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
