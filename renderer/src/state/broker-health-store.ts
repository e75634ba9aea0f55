import { create } from 'zustand';
import type { BrokerHealthReport } from '../../../shared/broker-health';

interface BrokerHealthState {
  /** The latest report per cluster, replaced whole on every push like snapshots. */
  readonly reports: Readonly<Record<string, BrokerHealthReport>>;
}

const initialState: BrokerHealthState = { reports: {} };

export const useBrokerHealthStore = create<BrokerHealthState>()(() => initialState);

export function applyBrokerHealth(report: BrokerHealthReport): void {
  const current = useBrokerHealthStore.getState().reports[report.clusterKey];
  if (current !== undefined && current.takenAt > report.takenAt) return;
  useBrokerHealthStore.setState((state) => ({ reports: { ...state.reports, [report.clusterKey]: report } }));
}

export function resetBrokerHealthStore(): void {
  useBrokerHealthStore.setState(initialState, true);
}

export function useBrokerHealthReport(clusterKey: string | null): BrokerHealthReport | null {
  return useBrokerHealthStore((s) => (clusterKey === null ? null : (s.reports[clusterKey] ?? null)));
}
