import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BrokerLoad } from '../../../../shared/broker-load';
import type { RackLoad } from '../../../../shared/rack-placement';

// SVG fills resolve CSS custom properties, so the charts follow the theme and dark mode.
const LEADERS = 'var(--replica-leader)';
const FOLLOWERS = 'var(--replica-in-sync)';
const AXIS = { fill: 'var(--fg-muted)', fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--bg-raised)', border: '1px solid var(--border)', color: 'var(--fg)' };

/** Leaders and followers per broker, stacked so each bar's height is the replicas (partitions) it hosts. */
export function BrokerLoadChart({ loads }: { readonly loads: readonly BrokerLoad[] }) {
  const data = loads.map((l) => ({ broker: String(l.brokerId), leaders: l.leaders, followers: l.followers, replicas: l.replicas }));
  return (
    <div className="chart-box" data-testid="chart-broker-load" role="img" aria-label="Leaders and followers per broker">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="broker" tick={AXIS} interval="preserveStartEnd" label={{ value: 'broker', position: 'insideBottomRight', offset: -2, ...AXIS }} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--bg-sunken)' }} labelFormatter={(label) => `broker ${String(label)}`} />
          <Legend />
          <Bar dataKey="leaders" stackId="replicas" fill={LEADERS} isAnimationActive={false} name="leaders" />
          <Bar dataKey="followers" stackId="replicas" fill={FOLLOWERS} isAnimationActive={false} name="followers (leaders + followers = replicas)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RackLoadChart({ racks }: { readonly racks: readonly RackLoad[] }) {
  const data = racks.map((r) => ({ rack: r.rack ?? '(no rack)', leaders: r.leaders, followers: r.replicas - r.leaders, brokers: r.brokers }));
  return (
    <div className="chart-box" data-testid="chart-rack-load" role="img" aria-label="Replicas per rack">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="rack" tick={AXIS} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--bg-sunken)' }} />
          <Legend />
          <Bar dataKey="leaders" stackId="replicas" fill={LEADERS} isAnimationActive={false} name="leaders" />
          <Bar dataKey="followers" stackId="replicas" fill={FOLLOWERS} isAnimationActive={false} name="followers" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
