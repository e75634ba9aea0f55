import { expect, test, type Page } from '@playwright/test';
import { killNode, restartNode } from '../sandbox/kraft-cluster.js';
import { AppPage } from './pages/app-page';
import { BrokersTab } from './pages/brokers-tab';
import { ClusterTab } from './pages/cluster-tab';
import { TopicsTab } from './pages/topics-tab';
import { sandboxName } from './support/e2e-env';
import {
  createTopic,
  electPreferredLeaders,
  kafkaBrokers,
  kafkaPartitions,
  kafkaUnavailable,
  kafkaUnderMinIsr,
  kafkaUnderReplicated,
  partitionKey,
  preferredLeaderImbalance,
  type DescribedPartition,
} from './support/kafka-truth';

/**
 * On the seeded sandbox every broker is up and leads its preferred partitions, so no reason with a
 * link holds: the reasons are made real by killing a broker, and the cluster is whole again before
 * the next spec.
 */
const VICTIM = 3;
/** A partition only the victim holds: offline while it is down (the broker-kill spec uses the same one). */
const ONLY_ON_VICTIM = `e2e-only-on-broker-${VICTIM}`;
// Kafka's leader.imbalance.per.broker.percentage, left at its default by the sandbox.
const KAFKA_LEADER_IMBALANCE_PCT = 10;
// Each round runs one of Kafka's tools (a JVM) and reads a table on a shared 2-core machine.
const AGREE = { timeout: 150_000, intervals: [2_000, 5_000, 10_000] };

/** Reasons about partitions: the list each one's link opens, and the kafka-topics filter for the same partitions. */
const PARTITION_REASONS = [
  { code: 'UNDER_REPLICATED_PARTITIONS', scope: 'under-replicated', kafka: kafkaUnderReplicated },
  { code: 'UNDER_MIN_ISR_PARTITIONS', scope: 'under-min-isr', kafka: kafkaUnderMinIsr },
  { code: 'OFFLINE_PARTITIONS', scope: 'offline', kafka: kafkaUnavailable },
] as const;

/** Reasons about brokers, and the brokers Kafka's tools say they are about. */
const BROKER_REASONS = [
  { code: 'BROKERS_FENCED', kafka: async () => (await kafkaBrokers()).filter((b) => b.state === 'fenced').map((b) => b.id) },
  { code: 'PREFERRED_LEADER_IMBALANCE', kafka: async () => preferredLeaderImbalance(await kafkaPartitions(), KAFKA_LEADER_IMBALANCE_PCT) },
] as const;

const keysOf = (partitions: readonly DescribedPartition[]): string[] => partitions.map(partitionKey).sort();

/** From the cluster tab, follows the partition reason's link and returns the count it gave and the rows it led to. */
async function partitionRowsBehind(page: Page, code: string, scope: string): Promise<{ count: number; rows: string[] }> {
  const app = new AppPage(page);
  const cluster = new ClusterTab(page);
  const topics = new TopicsTab(page);
  await app.openTab('cluster');
  const count = await cluster.followReasonLink(code);
  await expect(app.view('topics')).toBeVisible();
  await expect(page.getByTestId('cluster-partitions')).toHaveAttribute('data-scope', scope);
  return { count, rows: (await topics.clusterPartitions.allRows()).map((r) => r.key).sort() };
}

test.describe('health reason links', () => {
  test.describe.configure({ timeout: 480_000 });

  test.beforeAll(async () => {
    await createTopic(ONLY_ON_VICTIM, [[VICTIM]]);
  });

  test.afterAll(async () => {
    // Leave the cluster as the other specs expect it: every partition led by its preferred replica.
    await electPreferredLeaders();
  });

  test(`with broker ${VICTIM} down, each reason's link lists as many partitions or brokers as it counts, the ones Kafka's tools name`, async ({ page }) => {
    const app = new AppPage(page);
    const cluster = new ClusterTab(page);
    const brokers = new BrokersTab(page);
    await app.open('#/cluster');
    for (const { code } of [...PARTITION_REASONS, ...BROKER_REASONS]) {
      await expect(cluster.reason(code), `${code} before the kill`).toHaveCount(0);
    }

    let down = false;
    try {
      await killNode(sandboxName(), VICTIM);
      down = true;
      await expect(cluster.reason('BROKERS_FENCED')).toHaveAttribute('data-count', '1', { timeout: 60_000 });

      for (const { code, scope, kafka } of PARTITION_REASONS) {
        await expect(async () => {
          const expected = keysOf(await kafka());
          const { count, rows } = await partitionRowsBehind(page, code, scope);
          expect(rows.length, `${code}: rows behind the link vs the count it gives`).toBe(count);
          expect(rows, `${code}: the partitions kafka-topics lists`).toEqual(expected);
          expect(count, `${code} holds while broker ${VICTIM} is down`).toBeGreaterThan(0);
        }).toPass(AGREE);
      }

      for (const { code, kafka } of BROKER_REASONS) {
        await expect(async () => {
          const expected = await kafka();
          await app.openTab('cluster');
          const count = await cluster.followReasonLink(code);
          await expect(app.view('brokers')).toBeVisible();
          await expect(brokers.table.root.getByTestId('scope-brokers')).toBeVisible();
          const ids = await brokers.ids();
          expect(ids.length, `${code}: rows behind the link vs the count it gives`).toBe(count);
          expect([...ids].sort((a, b) => a - b), `${code}: the brokers Kafka's tools name`).toEqual(expected);
          expect(ids, `${code} is about broker ${VICTIM}`).toContain(VICTIM);
        }).toPass(AGREE);
      }

      // The failing rule behind the imbalance links to its partitions the same way.
      await expect(async () => {
        const expected = keysOf((await kafkaPartitions()).filter((p) => p.leader >= 0 && p.leader !== p.replicas[0]));
        await app.openTab('cluster');
        const rule = cluster.rule('preferred-leaders');
        await expect(rule).toHaveAttribute('data-verdict', /^(warn|fail)$/);
        const count = Number(await rule.getAttribute('data-value'));
        await rule.getByTestId('deployment-rule-link').click();
        await expect(page.getByTestId('cluster-partitions')).toHaveAttribute('data-scope', 'non-preferred-leader');
        const rows = (await new TopicsTab(page).clusterPartitions.allRows()).map((r) => r.key).sort();
        expect(rows.length, 'preferred-leaders rule: rows behind the link vs its count').toBe(count);
        expect(rows, 'led partitions whose leader is not their first replica, by kafka-topics').toEqual(expected);
        expect(count).toBeGreaterThan(0);
      }).toPass(AGREE);

      await restartNode(sandboxName(), VICTIM);
      down = false;
    } finally {
      if (down) await restartNode(sandboxName(), VICTIM);
    }

    // Whole again before the next spec: every replica back in sync, by Kafka and on the page.
    await app.openTab('cluster');
    await expect(async () => {
      expect(await kafkaUnderReplicated(), 'kafka: under-replicated partitions').toEqual([]);
      for (const { code } of PARTITION_REASONS) await expect(cluster.reason(code), code).toHaveCount(0);
      await expect(cluster.reason('BROKERS_FENCED')).toHaveCount(0);
    }).toPass(AGREE);
  });
});
