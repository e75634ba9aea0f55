import { describe, expect, it } from 'vitest';
import { deriveClusterModel } from './cluster-model';
import { DEFAULT_DEPLOYMENT_THRESHOLDS, DEPLOYMENT_RULE_LABELS, deploymentFacts, deploymentHealth, deploymentRules, type DeploymentRuleId, type RuleResult } from './deployment-rules';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

function rule(results: readonly RuleResult[], id: DeploymentRuleId): RuleResult {
  const found = results.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

function check(snapshot: ReturnType<typeof clusterSnapshot>, thresholds = DEFAULT_DEPLOYMENT_THRESHOLDS, minPartitionsForSkew = 50) {
  return deploymentRules(deploymentFacts(snapshot), deriveClusterModel(snapshot, { minPartitionsForSkew, leaderImbalancePct: 10 }), thresholds);
}

describe('deploymentRules', () => {
  const balanced = clusterSnapshot({
    brokers: [brokerInfo(1, { rack: 'a' }), brokerInfo(2, { rack: 'b' }), brokerInfo(3, { rack: 'c' })],
    topics: [topicInfo('t', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 3]), partitionInfo(2, [3, 1])])],
  });

  it('passes a small, balanced, rack-aware cluster', () => {
    const results = check(balanced, DEFAULT_DEPLOYMENT_THRESHOLDS, 3);
    expect(results.map((r) => [r.id, r.verdict])).toEqual([
      ['broker-count', 'pass'],
      ['partition-count', 'pass'],
      ['replica-distribution', 'pass'],
      ['leader-distribution', 'pass'],
      ['rack-aware', 'pass'],
      ['preferred-leaders', 'pass'],
    ]);
    expect(rule(results, 'broker-count').value).toBe(3);
    expect(rule(results, 'partition-count').value).toBe(3);
  });

  it('warns near and fails at the broker and partition budgets given as parameters', () => {
    const tight = { ...DEFAULT_DEPLOYMENT_THRESHOLDS, maxBrokers: 3, maxPartitions: 4, budgetWarnShare: 0.75 };
    const results = check(balanced, tight);
    expect(rule(results, 'broker-count').verdict).toBe('fail');
    expect(rule(results, 'partition-count').verdict).toBe('warn');
  });

  it('does not judge skew below the partition threshold', () => {
    const result = rule(check(balanced), 'replica-distribution');
    expect(result.verdict).toBe('not-judged');
    expect(result.value).toBeNull();
  });

  it('fails a skewed leader distribution and names the worst broker first', () => {
    const skewed = clusterSnapshot({
      topics: [topicInfo('t', [partitionInfo(0, [1, 2]), partitionInfo(1, [1, 3]), partitionInfo(2, [1, 2]), partitionInfo(3, [2, 3])])],
    });
    const result = rule(check(skewed, DEFAULT_DEPLOYMENT_THRESHOLDS, 4), 'leader-distribution');
    // 4 leaders over 3 brokers: broker 1 leads 3 (+125 %), broker 3 none (-100 %).
    expect(result.verdict).toBe('fail');
    expect(result.value).toBeCloseTo(125);
    expect(result.brokers[0]).toBe(1);
  });

  it('fails partitions with two replicas in one rack and warns when a rack is unknown', () => {
    const shared = clusterSnapshot({
      brokers: [brokerInfo(1, { rack: 'a' }), brokerInfo(2, { rack: 'a' }), brokerInfo(3, { rack: null })],
      topics: [topicInfo('t', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 3])])],
    });
    expect(rule(check(shared), 'rack-aware')).toMatchObject({ verdict: 'fail', value: 1 });
    const unknown = clusterSnapshot({
      brokers: [brokerInfo(1, { rack: 'a' }), brokerInfo(3, { rack: null })],
      topics: [topicInfo('t', [partitionInfo(0, [1, 3])])],
    });
    // The number behind the warning: partitions with a replica on a broker of unknown rack.
    expect(rule(check(unknown), 'rack-aware')).toMatchObject({ verdict: 'warn', value: 1 });
  });

  it('counts partitions not led by their preferred replica', () => {
    const moved = clusterSnapshot({
      topics: [topicInfo('t', [partitionInfo(0, [1, 2], { leader: 2 }), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((p) => partitionInfo(p, [1, 2]))])],
    });
    const result = rule(check(moved), 'preferred-leaders');
    expect(result.value).toBe(1);
    expect(result.verdict).toBe('warn');
    const worse = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2], { leader: 2 }), partitionInfo(1, [1, 2])])] });
    expect(rule(check(worse), 'preferred-leaders').verdict).toBe('fail');
  });

  it('names the failing rules as one reason in the health list, and none while rules only warn', () => {
    const worse = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2], { leader: 2 }), partitionInfo(1, [1, 2])])] });
    const facts = deploymentFacts(worse);
    const model = deriveClusterModel(worse);
    expect(deploymentHealth(deploymentRules(facts, model))).toEqual([
      { code: 'DEPLOYMENT_RULES_FAILED', severity: 'warning', count: 1, brokers: [], partitions: [], notes: [DEPLOYMENT_RULE_LABELS['preferred-leaders']] },
    ]);
    // A team's own budget of 2 brokers: the 3-broker cluster fails it too.
    const tight = deploymentHealth(deploymentRules(facts, model, { ...DEFAULT_DEPLOYMENT_THRESHOLDS, maxBrokers: 2 }));
    expect(tight[0]).toMatchObject({ count: 2, notes: [DEPLOYMENT_RULE_LABELS['broker-count'], DEPLOYMENT_RULE_LABELS['preferred-leaders']] });
    // Lenient enough that nothing fails: no reason at all.
    expect(deploymentHealth(deploymentRules(facts, model, { ...DEFAULT_DEPLOYMENT_THRESHOLDS, nonPreferredFailPct: 100 }))).toEqual([]);
  });
});
