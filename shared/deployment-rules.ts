import { healthReason, type HealthReason } from './cluster-health';
import type { ClusterModel } from './cluster-model';
import type { ClusterSnapshot } from './cluster-snapshot';
import { rackIndex, rackPlacement } from './rack-placement';

/** The deployment rules of the brief, each checked against one snapshot. */
export type DeploymentRuleId =
  | 'broker-count'
  | 'partition-count'
  | 'replica-distribution'
  | 'leader-distribution'
  | 'rack-aware'
  | 'preferred-leaders';

/** 'not-judged' when the rule cannot be applied honestly (too few partitions for skew to mean anything). */
export type Verdict = 'pass' | 'warn' | 'fail' | 'not-judged';

export interface DeploymentThresholds {
  /** Prefer several small clusters: fail at this many brokers. */
  readonly maxBrokers: number;
  readonly maxPartitions: number;
  /** Warn once a count reaches this share of its budget. */
  readonly budgetWarnShare: number;
  /** Largest |skew| per broker, in percent, before warning and failing. */
  readonly skewWarnPct: number;
  readonly skewFailPct: number;
  /** Share of led partitions not on their preferred leader before warning and failing, in percent. */
  readonly nonPreferredWarnPct: number;
  readonly nonPreferredFailPct: number;
}

export const DEFAULT_DEPLOYMENT_THRESHOLDS: DeploymentThresholds = {
  maxBrokers: 200,
  maxPartitions: 10_000,
  budgetWarnShare: 0.8,
  skewWarnPct: 10,
  skewFailPct: 25,
  nonPreferredWarnPct: 0,
  // Kafka's leader.imbalance.per.broker.percentage default.
  nonPreferredFailPct: 10,
};

export interface RuleResult {
  readonly id: DeploymentRuleId;
  readonly verdict: Verdict;
  /** The number behind the verdict, in the unit of the rule (count or percent); null when not judged. */
  readonly value: number | null;
  readonly detail: string;
  /** The brokers the number is about, worst first, when the rule is about brokers. */
  readonly brokers: readonly number[];
}

export const DEPLOYMENT_RULE_LABELS: Record<DeploymentRuleId, string> = {
  'broker-count': 'Fewer than the broker budget per cluster',
  'partition-count': 'Fewer than the partition budget per cluster',
  'replica-distribution': 'Replicas evenly spread over brokers',
  'leader-distribution': 'Leaders evenly spread over brokers',
  'rack-aware': "Every partition's replicas in distinct racks",
  'preferred-leaders': 'Preferred leaders in place',
};

function budgetRule(id: DeploymentRuleId, count: number, limit: number, warnShare: number, noun: string): RuleResult {
  const verdict: Verdict = count >= limit ? 'fail' : count >= limit * warnShare ? 'warn' : 'pass';
  return { id, verdict, value: count, detail: `${count} ${noun} (budget: fewer than ${limit})`, brokers: [] };
}

function skewRule(
  id: DeploymentRuleId,
  skews: readonly { brokerId: number; skew: number | null }[],
  t: DeploymentThresholds,
  noun: string,
): RuleResult {
  const judged = skews.filter((s): s is { brokerId: number; skew: number } => s.skew !== null);
  if (judged.length === 0) {
    return { id, verdict: 'not-judged', value: null, detail: `too few partitions for ${noun} skew to mean anything`, brokers: [] };
  }
  const worst = [...judged].sort((a, b) => Math.abs(b.skew) - Math.abs(a.skew) || a.brokerId - b.brokerId);
  const max = Math.abs(worst[0]?.skew ?? 0);
  const verdict: Verdict = max > t.skewFailPct ? 'fail' : max > t.skewWarnPct ? 'warn' : 'pass';
  const offenders = worst.filter((s) => Math.abs(s.skew) > t.skewWarnPct).map((s) => s.brokerId);
  const detail = `largest ${noun} skew ${max.toFixed(1)} % (warn above ${t.skewWarnPct} %, fail above ${t.skewFailPct} %)`;
  return { id, verdict, value: max, detail, brokers: offenders };
}

export interface RackCheck {
  /** Partitions with two replicas in the same known rack. */
  readonly shared: number;
  /** Partitions with a replica on a broker of unknown rack and no known collision. */
  readonly unknown: number;
}

export function rackCheck(snapshot: ClusterSnapshot): RackCheck {
  const rackOf = rackIndex(snapshot.brokers);
  let shared = 0;
  let unknown = 0;
  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      const placement = rackPlacement(partition.replicas, rackOf);
      if (placement === 'shared') shared += 1;
      else if (placement === 'unknown') unknown += 1;
    }
  }
  return { shared, unknown };
}

/** What the rules need of a snapshot beyond its model: computed once per poll, checked against any thresholds. */
export interface DeploymentFacts {
  readonly brokerCount: number;
  readonly racks: RackCheck;
}

export function deploymentFacts(snapshot: ClusterSnapshot): DeploymentFacts {
  return { brokerCount: snapshot.brokers.length, racks: rackCheck(snapshot) };
}

/** Checks every rule; thresholds are parameters so a team can hold its own budget. */
export function deploymentRules(
  facts: DeploymentFacts,
  model: ClusterModel,
  thresholds: DeploymentThresholds = DEFAULT_DEPLOYMENT_THRESHOLDS,
): RuleResult[] {
  const t = thresholds;
  const { racks } = facts;
  const rackRule: RuleResult =
    racks.shared > 0
      ? { id: 'rack-aware', verdict: 'fail', value: racks.shared, detail: `${racks.shared} partitions with two replicas in one rack`, brokers: [] }
      : racks.unknown > 0
        ? {
            id: 'rack-aware',
            verdict: 'warn',
            value: racks.unknown,
            detail: `${racks.unknown} partitions have a replica on a broker with no known rack`,
            brokers: [],
          }
        : { id: 'rack-aware', verdict: 'pass', value: 0, detail: 'no partition has two replicas in one rack', brokers: [] };

  const led = model.totals.partitions - model.totals.offline;
  const nonPreferred = model.totals.nonPreferredLeader;
  const nonPreferredPct = led === 0 ? 0 : (nonPreferred / led) * 100;
  const preferredRule: RuleResult = {
    id: 'preferred-leaders',
    verdict: nonPreferredPct > t.nonPreferredFailPct ? 'fail' : nonPreferredPct > t.nonPreferredWarnPct ? 'warn' : 'pass',
    value: nonPreferred,
    detail: `${nonPreferred} of ${led} led partitions not on their preferred leader (${nonPreferredPct.toFixed(1)} %)`,
    brokers: [],
  };

  return [
    budgetRule('broker-count', facts.brokerCount, t.maxBrokers, t.budgetWarnShare, 'brokers'),
    budgetRule('partition-count', model.totals.partitions, t.maxPartitions, t.budgetWarnShare, 'partitions'),
    skewRule('replica-distribution', model.brokerLoads.map((l) => ({ brokerId: l.brokerId, skew: l.replicaSkewPct })), t, 'replica'),
    skewRule('leader-distribution', model.brokerLoads.map((l) => ({ brokerId: l.brokerId, skew: l.leaderSkewPct })), t, 'leader'),
    rackRule,
    preferredRule,
  ];
}

/** The rules that fail, as a reason in the cluster's health list (none when every rule holds or only warns). */
export function deploymentHealth(results: readonly RuleResult[]): HealthReason[] {
  const failed = results.filter((r) => r.verdict === 'fail');
  return failed.length === 0 ? [] : [healthReason('DEPLOYMENT_RULES_FAILED', failed.length, { notes: failed.map((r) => DEPLOYMENT_RULE_LABELS[r.id]) })];
}
