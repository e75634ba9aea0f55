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
  expectedChips,
  kafkaPartitions,
  kafkaUnavailable,
  kafkaUnderMinIsr,
  kafkaUnderReplicated,
  partitionKey,
  type DescribedPartition,
} from './support/kafka-truth';

const VICTIM = 3;
/** One partition whose only replica is on the victim: Kafka must report it unavailable while it is down. */
const ONLY_ON_VICTIM = 'e2e-only-on-broker-3';
// Each comparison runs three of Kafka's tools (a JVM each) on a 2-core machine: allow a few rounds.
const AGREE = { timeout: 150_000, intervals: [2_000, 5_000, 10_000] };

interface KafkaState {
  readonly all: DescribedPartition[];
  readonly underReplicated: ReadonlySet<string>;
  readonly unavailable: ReadonlySet<string>;
  readonly underMinIsr: ReadonlySet<string>;
}

async function kafkaState(): Promise<KafkaState> {
  const [all, underReplicated, unavailable, underMinIsr] = await Promise.all([kafkaPartitions(), kafkaUnderReplicated(), kafkaUnavailable(), kafkaUnderMinIsr()]);
  const keys = (list: DescribedPartition[]): ReadonlySet<string> => new Set(list.map(partitionKey));
  return { all, underReplicated: keys(underReplicated), unavailable: keys(unavailable), underMinIsr: keys(underMinIsr) };
}

/**
 * One round of comparison: Kafka's view, then the app's health counts and every partition row
 * (leader, ISR, flags, chip colours). The cluster moves, so callers retry the round until both agree.
 */
async function expectAppToMatchKafka(page: Page, down: ReadonlySet<number>): Promise<KafkaState> {
  const app = new AppPage(page);
  const cluster = new ClusterTab(page);
  const topics = new TopicsTab(page);
  const kafka = await kafkaState();

  await app.openTab('cluster');
  expect(await cluster.reasonCount('UNDER_REPLICATED_PARTITIONS'), 'under-replicated partitions').toBe(kafka.underReplicated.size);
  expect(await cluster.reasonCount('OFFLINE_PARTITIONS'), 'offline partitions').toBe(kafka.unavailable.size);
  expect(await cluster.reasonCount('UNDER_MIN_ISR_PARTITIONS'), 'partitions under min ISR').toBe(kafka.underMinIsr.size);
  const counts = await cluster.counts();
  expect(counts.fenced + counts.missing, 'brokers down').toBe(down.size);

  await app.openTab('topics');
  await topics.openAllPartitions();
  const rows = new Map((await topics.clusterPartitions.allRows()).map((r) => [r.key, r]));
  const shown = [...rows.values()].map((r) => r.key).sort();
  expect(shown, 'partitions listed').toEqual(kafka.all.map(partitionKey).sort());
  for (const p of kafka.all) {
    const key = partitionKey(p);
    const row = rows.get(key);
    expect({
      leader: row?.cells.leader,
      isr: (row?.cells.isr ?? '').split(',').filter((s) => s.trim() !== '').map(Number).sort((a, b) => a - b),
      underReplicated: row?.data.underReplicated,
      underMinIsr: row?.data.underMinIsr,
      offline: row?.data.offline,
      chips: row?.chips,
    }, key).toEqual({
      leader: p.leader < 0 ? 'none' : String(p.leader),
      isr: [...p.isr].sort((a, b) => a - b),
      underReplicated: String(kafka.underReplicated.has(key)),
      underMinIsr: String(kafka.underMinIsr.has(key)),
      offline: String(kafka.unavailable.has(key)),
      chips: expectedChips(p, down),
    });
  }
  return kafka;
}

test.describe('a broker killed and restarted', () => {
  test.describe.configure({ timeout: 420_000 });

  test.beforeAll(async () => {
    await createTopic(ONLY_ON_VICTIM, [[VICTIM]]);
  });

  test.afterAll(async () => {
    // Leave the cluster as the other specs expect it: every partition led by its preferred replica.
    await electPreferredLeaders();
  });

  test('chips, ISR and health counts follow Kafka while broker 3 is down and after it is back', async ({ page }) => {
    const app = new AppPage(page);
    const brokers = new BrokersTab(page);
    await app.open('#/brokers');
    await expect(brokers.row(VICTIM)).toHaveAttribute('data-status', 'ok');
    await expect(async () => {
      const before = await expectAppToMatchKafka(page, new Set());
      expect(before.underReplicated.size, 'the cluster starts fully replicated').toBe(0);
    }).toPass(AGREE);

    let down = false;
    try {
      await killNode(sandboxName(), VICTIM);
      down = true;

      await app.openTab('brokers');
      await expect(brokers.row(VICTIM)).toHaveAttribute('data-status', /^(fenced|missing)$/, { timeout: 60_000 });
      await expect(async () => {
        const during = await expectAppToMatchKafka(page, new Set([VICTIM]));
        // Not vacuous: the victim's replicas are out, and the partition only it holds is offline.
        expect(during.underReplicated.size).toBeGreaterThan(0);
        expect([...during.unavailable]).toContain(`${ONLY_ON_VICTIM}/0`);
      }).toPass(AGREE);

      await restartNode(sandboxName(), VICTIM);
      down = false;
    } finally {
      if (down) await restartNode(sandboxName(), VICTIM);
    }

    await app.openTab('brokers');
    await expect(brokers.row(VICTIM)).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
    await expect(async () => {
      const after = await expectAppToMatchKafka(page, new Set());
      expect(after.underReplicated.size, 'kafka: every replica back in sync').toBe(0);
      expect(after.unavailable.size, 'kafka: every partition led').toBe(0);
    }).toPass(AGREE);

    await app.openTab('cluster');
    const cluster = new ClusterTab(page);
    const reasons = (await cluster.healthReasons()).map((r) => r.code);
    expect(reasons).not.toContain('UNDER_REPLICATED_PARTITIONS');
    expect(reasons).not.toContain('OFFLINE_PARTITIONS');
    expect(reasons).not.toContain('BROKERS_FENCED');
  });
});
