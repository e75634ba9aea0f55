/** The poller's view of one cluster connection, pushed beside every snapshot. */
export type ConnectionState = 'connecting' | 'ok' | 'unreachable' | 'stopped';

export interface ClusterStatus {
  readonly clusterKey: string;
  readonly profileName: string;
  readonly bootstrap: readonly string[];
  readonly state: ConnectionState;
  readonly intervalMs: number;
  /** Epoch ms of the last poll that produced a snapshot, null before the first. */
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  /** Why the last poll failed: names the address and the cause. Null after a success. */
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: number | null;
}
