import { create } from 'zustand';
import type { BrokerHealthReport, HeartbeatStatus } from '../../../shared/broker-health';

interface BrokerHealthState {
  /** The latest report per cluster, replaced whole on every push like snapshots. */
  readonly reports: Readonly<Record<string, BrokerHealthReport>>;
  /**
   * The latest heartbeat status per cluster: from a report, a `heartbeatStatus` push or a request's
   * answer, whichever came last (state changes are pushed between polls).
   */
  readonly heartbeats: Readonly<Record<string, HeartbeatStatus>>;
}

const initialState: BrokerHealthState = { reports: {}, heartbeats: {} };

export const useBrokerHealthStore = create<BrokerHealthState>()(() => initialState);

export function applyBrokerHealth(report: BrokerHealthReport): void {
  const current = useBrokerHealthStore.getState().reports[report.clusterKey];
  if (current !== undefined && current.takenAt > report.takenAt) return;
  useBrokerHealthStore.setState((state) => ({
    reports: { ...state.reports, [report.clusterKey]: report },
    heartbeats: { ...state.heartbeats, [report.clusterKey]: report.heartbeat },
  }));
}

export function applyHeartbeatStatus(status: HeartbeatStatus): void {
  useBrokerHealthStore.setState((state) => ({ heartbeats: { ...state.heartbeats, [status.clusterKey]: status } }));
}

export function resetBrokerHealthStore(): void {
  useBrokerHealthStore.setState(initialState, true);
}

export function useBrokerHealthReport(clusterKey: string | null): BrokerHealthReport | null {
  return useBrokerHealthStore((s) => (clusterKey === null ? null : (s.reports[clusterKey] ?? null)));
}

export function useHeartbeatStatus(clusterKey: string | null): HeartbeatStatus | null {
  return useBrokerHealthStore((s) => (clusterKey === null ? null : (s.heartbeats[clusterKey] ?? null)));
}
