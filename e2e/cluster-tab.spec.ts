import { expect, test } from '@playwright/test';
import { DEFAULT_DEPLOYMENT_THRESHOLDS, DEPLOYMENT_RULE_LABELS } from '../shared/deployment-rules';
import { AppPage } from './pages/app-page';
import { ClusterTab, type ChartBarShown } from './pages/cluster-tab';
import {
  brokerLoadFacts,
  kafkaBrokers,
  kafkaPartitions,
  kafkaQuorum,
  kafkaQuorumReplication,
  kafkaUnavailable,
  kafkaUnderReplicated,
  rackLoadFacts,
  sandboxBrokers,
  topicFacts,
  type BrokerLoadFacts,
} from './support/kafka-truth';

// Kafka's tools start a JVM each: a comparison takes seconds, so retries are spaced out.
const AGREE = { timeout: 90_000, intervals: [1_000, 3_000, 5_000] };

type Stacks = Record<string, { leaders: number; followers: number }>;

/** Each bar group of a chart as its bars say: category → the count of each series, one bar each. */
function stacksShown(bars: readonly ChartBarShown[]): Stacks {
  const stacks: Stacks = {};
  for (const { category, series, value } of bars) {
    if (series !== 'leaders' && series !== 'followers') throw new Error(`${category}: a bar of an unknown series "${series}"`);
    const stack = (stacks[category] ??= { leaders: Number.NaN, followers: Number.NaN });
    expect(Number.isNaN(stack[series]), `one ${series} bar for ${category}`).toBe(true);
    stack[series] = value;
  }
  return stacks;
}

/** Kafka's counts as the charts stack them: leaders at the bottom, the rest of the replicas on top. */
function stacksOf<K>(loads: ReadonlyMap<K, BrokerLoadFacts>, name: (key: K) => string): Stacks {
  return Object.fromEntries([...loads].map(([key, l]) => [name(key), { leaders: l.leaders, followers: l.replicas - l.leaders }]));
}

/**
 * The bars are drawn to the counts they carry: every bar's height is its count on one scale, every
 * leaders bar stands on the same baseline, and every followers bar on its leaders bar, so a stack's
 * height is the replicas it counts.
 */
function expectDrawnToScale(bars: readonly ChartBarShown[], chart: string): void {
  const reference = bars.find((b) => b.value > 0);
  if (reference === undefined) throw new Error(`${chart}: no bar with a count above 0`);
  const pxPerUnit = reference.height / reference.value;
  const baseline = (b: ChartBarShown): number => b.y + b.height;
  const leaders = new Map(bars.filter((b) => b.series === 'leaders').map((b) => [b.category, b]));
  const firstLeaders = [...leaders.values()][0];
  for (const bar of bars) {
    const where = `${chart}, ${bar.category} ${bar.series} (${bar.value})`;
    expect(Math.abs(bar.height - bar.value * pxPerUnit), `${where}: height ${bar.height} at ${pxPerUnit} px per partition`).toBeLessThan(1);
    const below = bar.series === 'leaders' ? firstLeaders : leaders.get(bar.category);
    if (below === undefined) throw new Error(`${where}: nothing to stand on`);
    const ground = bar.series === 'leaders' ? baseline(below) : below.y;
    expect(Math.abs(baseline(bar) - ground), `${where}: stands at ${baseline(bar)}, not ${ground}`).toBeLessThan(1);
  }
}

test.describe('cluster tab', () => {
  test('counts, controller and partition health are what Kafka itself reports', async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    await app.open('#/cluster');
    await expect(cluster.root).toBeVisible();

    await expect(async () => {
      const [partitions, underReplicated, unavailable, quorum] = await Promise.all([
        kafkaPartitions(),
        kafkaUnderReplicated(),
        kafkaUnavailable(),
        kafkaQuorum(),
      ]);
      const counts = await cluster.counts();
      expect(counts).toEqual({
        live: sandboxBrokers().length,
        fenced: 0,
        missing: 0,
        topics: topicFacts(partitions).size,
        partitions: partitions.length,
        replicas: partitions.reduce((sum, p) => sum + p.replicas.length, 0),
        leaders: partitions.filter((p) => p.leader >= 0).length,
      });
      expect(counts.live, 'the sandbox has three brokers').toBe(3);
      const voters = await cluster.root.getByTestId('quorum-voter').evaluateAll((rows) => rows.map((r) => Number(r.dataset.voterId)));
      expect(voters, 'quorum voters = kafka-metadata-quorum CurrentVoters').toEqual(quorum.voterIds);
      expect(await cluster.activeControllerId(), 'active controller = kafka-metadata-quorum LeaderId').toBe(quorum.leaderId);
      expect(await cluster.reasonCount('UNDER_REPLICATED_PARTITIONS')).toBe(underReplicated.length);
      expect(await cluster.reasonCount('OFFLINE_PARTITIONS')).toBe(unavailable.length);
    }).toPass(AGREE);

    // With no reason listed the panel says so in words; with reasons it lists them, never both.
    const reasons = await cluster.healthReasons();
    if (reasons.length === 0) await expect(cluster.healthOk).toBeVisible();
    else await expect(cluster.healthOk, `reasons listed: ${reasons.map((r) => r.code).join(', ')}`).toHaveCount(0);
  });

  test('each quorum voter’s log end offset and lag are what kafka-metadata-quorum reports, and a header click sorts the voters', async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    await app.open('#/cluster');
    await expect(cluster.voters.rows()).toHaveCount(3);

    await expect(async () => {
      // The metadata log grows all the time (the leader appends a no-op record every half second),
      // so Kafka's figures are bracketed by two of the app's: one polled before the tool ran, and
      // one polled after it answered. Polls are chained, so the second poll to end after the tool
      // did also began after it.
      const before = await cluster.votersShown();
      const kafka = (await kafkaQuorumReplication()).filter((r) => r.status !== 'Observer');
      const answered = Date.now();
      await app.waitForPollAfter(await app.waitForPollAfter(answered));
      const after = await cluster.votersShown();

      expect(after.map((v) => v.id), 'voters = kafka-metadata-quorum --replication Leader and Follower rows').toEqual(kafka.map((r) => r.nodeId).sort((a, b) => a - b));
      const leader = kafka.find((r) => r.status === 'Leader');
      const shownBefore = new Map(before.map((v) => [v.id, v]));
      const shownAfter = new Map(after.map((v) => [v.id, v]));
      const leaderBefore = shownBefore.get(leader?.nodeId ?? -1);
      const leaderAfter = shownAfter.get(leader?.nodeId ?? -1);
      if (leaderBefore === undefined || leaderAfter === undefined) throw new Error(`the leader ${leader?.nodeId} is not a voter the app shows`);
      for (const replica of kafka) {
        const was = shownBefore.get(replica.nodeId);
        const is = shownAfter.get(replica.nodeId);
        if (was === undefined || is === undefined) throw new Error(`voter ${replica.nodeId} is not shown`);
        expect(replica.logEndOffset, `voter ${replica.nodeId} log end offset: app before ≤ Kafka ≤ app after`).toBeGreaterThanOrEqual(was.logEndOffset);
        expect(replica.logEndOffset, `voter ${replica.nodeId} log end offset: app before ≤ Kafka ≤ app after`).toBeLessThanOrEqual(is.logEndOffset);
        // Lag is the leader's end minus the voter's; between two moments it changes by at most
        // how far either end moved, and both ends only move forward.
        const moved = Math.max(leaderAfter.logEndOffset - leaderBefore.logEndOffset, is.logEndOffset - was.logEndOffset);
        expect(Math.abs(replica.lag - is.lag), `voter ${replica.nodeId} lag: Kafka ${replica.lag}, app ${is.lag}, ends moved ${moved}`).toBeLessThanOrEqual(moved);
        // That bound is as loose as the records written while the tool ran; within one poll the
        // lag is exact: the leader's log end offset minus the voter's, as the tool computes it.
        expect(is.lag, `voter ${replica.nodeId} lag = leader's log end offset − its own, in one poll`).toBe(leaderAfter.logEndOffset - is.logEndOffset);
      }
    }).toPass(AGREE);

    const voterIds = (await cluster.votersShown()).map((v) => v.id);
    // Lags move with every poll, so the check is on one reading of the rows: most behind first.
    await cluster.voters.clickHeader('lag');
    await expect(cluster.voters.header('lag')).toHaveAttribute('aria-sort', 'descending');
    expect(app.route().params.get('s.quorum-voters')).toBe('-lag');
    const lags = (await cluster.votersShown()).map((v) => v.lag);
    expect(lags).toEqual([...lags].sort((a, b) => b - a));

    await cluster.voters.clickHeader('voter');
    await expect(cluster.voters.header('voter')).toHaveAttribute('aria-sort', 'descending');
    expect((await cluster.votersShown()).map((v) => v.id)).toEqual([...voterIds].sort((a, b) => b - a));
  });

  test('the charts draw each broker’s and each rack’s leaders and followers as kafka-topics assigns them, to one scale', async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    await app.open('#/cluster');
    // The racks as the controller registered them, by kafka-cluster list-endpoints.
    const registered = await kafkaBrokers();
    const rackOf = new Map(registered.map((b) => [b.id, b.rack]));
    expect(new Set(registered.map((b) => b.rack)).size, 'the sandbox puts its three brokers in three racks').toBe(3);
    expect(registered.every((b) => b.rack !== null)).toBe(true);

    await expect(async () => {
      const partitions = await kafkaPartitions();
      const brokerBars = await cluster.chartBars('chart-broker-load');
      const rackBars = await cluster.chartBars('chart-rack-load');
      expect(stacksShown(brokerBars), 'leaders and followers per broker').toEqual(stacksOf(brokerLoadFacts(partitions, [...rackOf.keys()]), String));
      expect(stacksShown(rackBars), 'leaders and followers per rack').toEqual(stacksOf(rackLoadFacts(partitions, rackOf), String));
      expectDrawnToScale(brokerBars, 'brokers chart');
      expectDrawnToScale(rackBars, 'racks chart');
    }).toPass(AGREE);
  });

  test('deployment rules give the verdicts that follow from Kafka’s assignment and the brokers’ racks', async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    await app.open('#/cluster');
    const brokers = sandboxBrokers();
    const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
    const t = DEFAULT_DEPLOYMENT_THRESHOLDS;

    await expect(async () => {
      const partitions = await kafkaPartitions();
      const rules = await cluster.deploymentRules();
      expect([...rules.keys()].sort()).toEqual(['broker-count', 'leader-distribution', 'partition-count', 'preferred-leaders', 'rack-aware', 'replica-distribution']);

      expect(rules.get('broker-count')).toEqual({ verdict: 'pass', value: String(brokers.length) });
      expect(rules.get('partition-count')).toEqual({ verdict: partitions.length < t.maxPartitions * t.budgetWarnShare ? 'pass' : 'warn', value: String(partitions.length) });

      const rackShared = partitions.filter((p) => new Set(p.replicas.map((id) => rackOf.get(id))).size < p.replicas.length).length;
      expect(rules.get('rack-aware')).toEqual({ verdict: rackShared > 0 ? 'fail' : 'pass', value: String(rackShared) });

      const led = partitions.filter((p) => p.leader >= 0);
      const nonPreferred = led.filter((p) => p.leader !== p.replicas[0]).length;
      const nonPreferredPct = (nonPreferred / led.length) * 100;
      expect(rules.get('preferred-leaders')).toEqual({
        verdict: nonPreferredPct > t.nonPreferredFailPct ? 'fail' : nonPreferredPct > t.nonPreferredWarnPct ? 'warn' : 'pass',
        value: String(nonPreferred),
      });

      // Every broker is up, so skew is (count − average) / average over all three.
      const loads = [...brokerLoadFacts(partitions, brokers.map((b) => b.id)).values()];
      for (const [rule, pick] of [
        ['replica-distribution', (l: { replicas: number }) => l.replicas],
        ['leader-distribution', (l: { leaders: number }) => l.leaders],
      ] as const) {
        const values = loads.map(pick);
        const average = values.reduce((a, b) => a + b, 0) / values.length;
        const worst = Math.max(...values.map((v) => Math.abs(((v - average) / average) * 100)));
        const shown = rules.get(rule);
        expect(Number(shown?.value), `${rule} value`).toBeCloseTo(worst, 6);
        expect(shown?.verdict, `${rule} verdict`).toBe(worst > t.skewFailPct ? 'fail' : worst > t.skewWarnPct ? 'warn' : 'pass');
      }
    }).toPass(AGREE);
  });

  test('a team’s own broker budget fails the broker-count rule, and the failed rule is a health reason until the budget is restored', async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    await app.open('#/cluster');
    const brokers = sandboxBrokers().length;
    const failedRules = cluster.root.locator('[data-testid="health-reason"][data-code="DEPLOYMENT_RULES_FAILED"]');
    await expect(cluster.root.locator('[data-rule="broker-count"]')).toHaveAttribute('data-verdict', 'pass');
    const before = await cluster.reasonCount('DEPLOYMENT_RULES_FAILED');

    // A budget of as many brokers as the sandbox has: "fewer than" fails.
    await cluster.root.getByTestId('deployment-thresholds').locator('summary').click();
    await cluster.root.getByTestId('threshold-maxBrokers').fill(String(brokers));
    await expect(cluster.root.locator('[data-rule="broker-count"]')).toHaveAttribute('data-verdict', 'fail');
    await expect(failedRules).toHaveAttribute('data-count', String(before + 1));
    await expect(failedRules.getByTestId('health-reason-notes')).toContainText(DEPLOYMENT_RULE_LABELS['broker-count']);
    await expect(cluster.healthOk).toHaveCount(0);

    await cluster.root.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(cluster.root.locator('[data-rule="broker-count"]')).toHaveAttribute('data-verdict', 'pass');
    if (before === 0) await expect(failedRules).toHaveCount(0);
    else await expect(failedRules.getByTestId('health-reason-notes')).not.toContainText(DEPLOYMENT_RULE_LABELS['broker-count']);
  });
});
