import type { BrokerLoad } from './broker-load';
import type { ClusterModel } from './cluster-model';
import type { BrokerError, BrokerInfo, ClusterSnapshot } from './cluster-snapshot';
import { missing, ok, type Fetched } from './fetched';
import type { BrokerInstanceInfo } from './instance-mapping';

export type BrokerStatus = 'ok' | 'fenced' | 'missing';
/** 'unknown' for every broker when the metadata quorum could not be described: not "no role". */
export type BrokerRole = 'active-controller' | 'voter' | 'unknown';

/** Where the broker runs, and which resolver said so; a row has none when no resolver answered for it. */
export type BrokerInstance = Omit<BrokerInstanceInfo, 'brokerId'>;

export interface BrokerRow extends Omit<BrokerLoad, 'brokerId'> {
  readonly id: number;
  /** Null for a broker that is referenced but not registered: nobody knows where it is. */
  readonly host: string | null;
  readonly port: number | null;
  readonly rack: string | null;
  readonly instance: BrokerInstance | null;
  readonly role: BrokerRole | null;
  readonly status: BrokerStatus;
  /** Bytes of replicas in the broker's log directories; unknown when they could not be described. */
  readonly diskUsed: Fetched<number>;
  /** Log directories reporting an error (e.g. KAFKA_STORAGE_ERROR). */
  readonly logDirErrors: number;
  /** What this broker failed to answer in the last poll. */
  readonly errors: readonly BrokerError[];
}

export const BROKER_STATUS_LABELS: Record<BrokerStatus, string> = {
  ok: 'ok',
  fenced: 'fenced',
  missing: 'missing',
};

export const BROKER_ROLE_LABELS: Record<BrokerRole, string> = {
  'active-controller': 'active controller',
  voter: 'voter',
  unknown: 'unknown (quorum not described)',
};

const NOT_REGISTERED = 'not registered with the controller: referenced by an assignment or the quorum only';

function diskUsed(broker: BrokerInfo | undefined): Fetched<number> {
  if (broker === undefined) return missing(NOT_REGISTERED);
  if (broker.logDirs.status === 'missing') return broker.logDirs;
  return ok(broker.logDirs.value.reduce((sum, dir) => sum + dir.replicaBytes, 0));
}

/** One row per broker the cluster knows of or refers to, in broker-id order. */
export function brokerRows(
  snapshot: ClusterSnapshot,
  model: ClusterModel,
  instances: ReadonlyMap<number, BrokerInstance> = new Map(),
): BrokerRow[] {
  const registered = new Map(snapshot.brokers.map((b) => [b.id, b]));
  const quorum = snapshot.quorum.status === 'ok' ? snapshot.quorum.value : null;
  const voters = new Set(quorum?.voters.map((v) => v.id) ?? []);
  const errorsByBroker = new Map<number, BrokerError[]>();
  for (const error of snapshot.brokerErrors) {
    const list = errorsByBroker.get(error.brokerId) ?? [];
    list.push(error);
    errorsByBroker.set(error.brokerId, list);
  }

  // brokerLoads already has a row for every registered and every referenced broker; voters that
  // host no replicas are added so the missing controller of a broken quorum still shows up.
  const loads = new Map(model.brokerLoads.map((l) => [l.brokerId, l]));
  const ids = [...new Set([...loads.keys(), ...registered.keys(), ...model.missingBrokers])].sort((a, b) => a - b);

  return ids.map((id) => {
    const broker = registered.get(id);
    const load = loads.get(id);
    const { brokerId: _brokerId, ...counts } = load ?? emptyLoad(id);
    const role: BrokerRole | null = quorum === null ? 'unknown' : quorum.leaderId === id ? 'active-controller' : voters.has(id) ? 'voter' : null;
    return {
      ...counts,
      id,
      host: broker?.host ?? null,
      port: broker?.port ?? null,
      rack: broker?.rack ?? null,
      instance: instances.get(id) ?? null,
      role,
      status: broker === undefined ? 'missing' : broker.fenced ? 'fenced' : 'ok',
      diskUsed: diskUsed(broker),
      logDirErrors: broker?.logDirs.status === 'ok' ? broker.logDirs.value.filter((d) => d.error !== null).length : 0,
      errors: errorsByBroker.get(id) ?? [],
    };
  });
}

function emptyLoad(brokerId: number): BrokerLoad {
  return {
    brokerId,
    leaders: 0,
    replicas: 0,
    followers: 0,
    outOfSyncReplicas: 0,
    offlineReplicas: 0,
    preferredLeaders: 0,
    preferredLeading: 0,
    leaderSkewPct: null,
    replicaSkewPct: null,
  };
}

export function brokerAddress(row: Pick<BrokerRow, 'host' | 'port'>): string | null {
  return row.host === null ? null : `${row.host}:${row.port ?? '?'}`;
}

/** What makes a broker row flash: its status, role and the replication state of what it hosts. */
export function sameBrokerRowState(a: BrokerRow, b: BrokerRow): boolean {
  return (
    a.status === b.status &&
    a.role === b.role &&
    a.leaders === b.leaders &&
    a.replicas === b.replicas &&
    a.outOfSyncReplicas === b.outOfSyncReplicas &&
    a.offlineReplicas === b.offlineReplicas &&
    a.errors.length === b.errors.length
  );
}
