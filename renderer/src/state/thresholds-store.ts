import { create } from 'zustand';
import { DEFAULT_DEPLOYMENT_THRESHOLDS, type DeploymentThresholds } from '../../../shared/deployment-rules';

const STORAGE_KEY = 'brokerscope.deploymentThresholds';

interface ThresholdsState {
  readonly thresholds: DeploymentThresholds;
}

function load(): DeploymentThresholds {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (raw === null || raw === undefined) return DEFAULT_DEPLOYMENT_THRESHOLDS;
    const parsed = JSON.parse(raw) as Partial<Record<keyof DeploymentThresholds, unknown>>;
    // Keep only known, finite numbers: a hand-edited or older entry must not break the cluster tab.
    const merged: Record<string, number> = { ...DEFAULT_DEPLOYMENT_THRESHOLDS };
    for (const key of Object.keys(DEFAULT_DEPLOYMENT_THRESHOLDS)) {
      const value = parsed[key as keyof DeploymentThresholds];
      if (typeof value === 'number' && Number.isFinite(value)) merged[key] = value;
    }
    return merged as unknown as DeploymentThresholds;
  } catch {
    return DEFAULT_DEPLOYMENT_THRESHOLDS;
  }
}

function save(thresholds: DeploymentThresholds): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(thresholds));
  } catch {
    // Storage can be full or disabled; the thresholds still apply for this session.
  }
}

/** The team's own deployment budgets, kept across restarts on this machine. */
export const useThresholdsStore = create<ThresholdsState>()(() => ({ thresholds: load() }));

export function setDeploymentThresholds(patch: Partial<DeploymentThresholds>): void {
  const thresholds = { ...useThresholdsStore.getState().thresholds, ...patch };
  useThresholdsStore.setState({ thresholds });
  save(thresholds);
}

export function resetDeploymentThresholds(): void {
  useThresholdsStore.setState({ thresholds: DEFAULT_DEPLOYMENT_THRESHOLDS });
  save(DEFAULT_DEPLOYMENT_THRESHOLDS);
}

/** For tests: back to defaults without touching storage. */
export function resetThresholdsStore(): void {
  useThresholdsStore.setState({ thresholds: DEFAULT_DEPLOYMENT_THRESHOLDS }, true);
}
