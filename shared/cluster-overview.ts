import type { ClusterModel } from './cluster-model';
import type { ClusterSnapshot, QuorumVoter } from './cluster-snapshot';
import type { Fetched } from './fetched';

export interface BrokerCounts {
  /** Registered and not fenced: the brokers that can take load. */
  readonly live: number;
  readonly fenced: number;
  /** Referenced by an assignment or the quorum but not registered. */
  readonly missing: number;
}

export interface VoterRow {
  readonly id: number;
  readonly lag: number;
  readonly logEndOffset: number;
  readonly lastCaughtUpTimestamp: number | null;
  readonly isLeader: boolean;
  readonly registered: boolean;
}

export interface QuorumOverview {
  /** The active controller, null when the quorum has no elected leader. */
  readonly leaderId: number | null;
  readonly leaderEpoch: number;
  readonly voters: readonly VoterRow[];
  readonly observers: number;
}

export interface ClusterOverview {
  readonly brokers: BrokerCounts;
  readonly topics: number;
  readonly partitions: number;
  readonly replicas: number;
  /** Partitions with an elected leader. */
  readonly leaders: number;
  readonly quorum: Fetched<QuorumOverview>;
}

function voterRow(voter: QuorumVoter, leaderId: number, registered: ReadonlySet<number>): VoterRow {
  return {
    id: voter.id,
    lag: voter.lag,
    logEndOffset: voter.logEndOffset,
    lastCaughtUpTimestamp: voter.lastCaughtUpTimestamp,
    isLeader: voter.id === leaderId,
    registered: registered.has(voter.id),
  };
}

function quorumOverview(snapshot: ClusterSnapshot): Fetched<QuorumOverview> {
  if (snapshot.quorum.status === 'missing') return snapshot.quorum;
  const quorum = snapshot.quorum.value;
  const registered = new Set(snapshot.brokers.map((b) => b.id));
  return {
    status: 'ok',
    value: {
      leaderId: quorum.leaderId < 0 ? null : quorum.leaderId,
      leaderEpoch: quorum.leaderEpoch,
      voters: quorum.voters.map((v) => voterRow(v, quorum.leaderId, registered)).sort((a, b) => a.id - b.id),
      observers: quorum.observers.length,
    },
  };
}

/** The headline numbers of the cluster tab. */
export function clusterOverview(snapshot: ClusterSnapshot, model: ClusterModel): ClusterOverview {
  const fenced = snapshot.brokers.filter((b) => b.fenced).length;
  return {
    brokers: { live: snapshot.brokers.length - fenced, fenced, missing: model.missingBrokers.length },
    topics: model.totals.topics,
    partitions: model.totals.partitions,
    replicas: model.totals.replicas,
    leaders: model.totals.partitions - model.totals.offline,
    quorum: quorumOverview(snapshot),
  };
}
