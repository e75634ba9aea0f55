import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { BrokerLoad } from '../../../../shared/broker-load';
import type { RackLoad } from '../../../../shared/rack-placement';

// SVG fills resolve CSS custom properties, so the charts follow the theme and dark mode.
const LEADERS = 'var(--replica-leader)';
const FOLLOWERS = 'var(--replica-in-sync)';
const AXIS = { fill: 'var(--fg-muted)', fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--bg-raised)', border: '1px solid var(--border)', color: 'var(--fg)' };

type Series = 'leaders' | 'followers';

/** One bar group: the broker or rack it stands for, and the two stacked counts. */
interface StackDatum {
  readonly category: string;
  readonly leaders: number;
  readonly followers: number;
}

/**
 * A plain rectangle that names what it stands for (category, series, count): the drawn SVG carries
 * no numbers otherwise, and a test or an accessibility tool reads the bar itself rather than a copy
 * of the data beside it. Recharts calls a custom shape for zero-height bars too, so a count of 0
 * is a bar of height 0, not a missing bar.
 */
function stackShape(series: Series) {
  return function StackBar(props: BarShapeProps) {
    const datum = props.payload as StackDatum;
    return (
      <rect
        x={props.x}
        y={props.y}
        width={props.width}
        height={Math.max(props.height, 0)}
        fill={props.fill}
        data-testid="chart-bar"
        data-category={datum.category}
        data-series={series}
        data-value={datum[series]}
      />
    );
  };
}

const LEADER_BAR = stackShape('leaders');
const FOLLOWER_BAR = stackShape('followers');

/** Leaders and followers per broker, stacked so each bar's height is the replicas (partitions) it hosts. */
export function BrokerLoadChart({ loads }: { readonly loads: readonly BrokerLoad[] }) {
  const data: StackDatum[] = loads.map((l) => ({ category: String(l.brokerId), leaders: l.leaders, followers: l.followers }));
  return (
    <div className="chart-box" data-testid="chart-broker-load" role="img" aria-label="Leaders and followers per broker">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="category" tick={AXIS} interval="preserveStartEnd" label={{ value: 'broker', position: 'insideBottomRight', offset: -2, ...AXIS }} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--bg-sunken)' }} labelFormatter={(label) => `broker ${String(label)}`} />
          <Legend />
          <Bar dataKey="leaders" stackId="replicas" fill={LEADERS} isAnimationActive={false} name="leaders" shape={LEADER_BAR} />
          <Bar
            dataKey="followers"
            stackId="replicas"
            fill={FOLLOWERS}
            isAnimationActive={false}
            name="followers (leaders + followers = replicas)"
            shape={FOLLOWER_BAR}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RackLoadChart({ racks }: { readonly racks: readonly RackLoad[] }) {
  const data: StackDatum[] = racks.map((r) => ({ category: r.rack ?? '(no rack)', leaders: r.leaders, followers: r.followers }));
  return (
    <div className="chart-box" data-testid="chart-rack-load" role="img" aria-label="Replicas per rack">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="category" tick={AXIS} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--bg-sunken)' }} />
          <Legend />
          <Bar dataKey="leaders" stackId="replicas" fill={LEADERS} isAnimationActive={false} name="leaders" shape={LEADER_BAR} />
          <Bar dataKey="followers" stackId="replicas" fill={FOLLOWERS} isAnimationActive={false} name="followers" shape={FOLLOWER_BAR} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
