import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { TopicsTab } from './pages/topics-tab';
import { expectedChips, kafkaPartitions, topicFacts } from './support/kafka-truth';

const AGREE = { timeout: 60_000, intervals: [1_000, 3_000, 5_000] };
const countOf = (text: string): number => Number(text.replace(/,/g, ''));

test.describe('topics tab', () => {
  let app: AppPage;
  let topics: TopicsTab;

  test.beforeEach(async ({ page }) => {
    app = new AppPage(page);
    topics = new TopicsTab(page);
    await app.open('#/topics');
    await expect(topics.table.rows().first()).toBeVisible();
  });

  test('lists every topic Kafka has, internal ones included, with its partition count and replication factor', async () => {
    await expect(async () => {
      const facts = topicFacts(await kafkaPartitions());
      const rows = await topics.table.allRows();
      const shown = new Map(rows.map((r) => [r.data.topic ?? '', { partitions: countOf(r.cells.partitions ?? ''), replicationFactor: countOf(r.cells.replicationFactor ?? '') }]));
      expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(facts));
    }).toPass(AGREE);
    await expect(topics.row('__consumer_offsets')).toHaveAttribute('data-internal', 'true');
    await expect(topics.row('orders')).toHaveAttribute('data-internal', 'false');
  });

  test('cards show the same topics in the same order as the table, and the table comes back', async () => {
    await topics.table.setFilter('/^[a-o]/');
    await topics.table.clickHeader('partitions');
    const tableOrder = await topics.names();
    expect(tableOrder.length).toBeGreaterThan(1);

    await topics.table.showCards();
    await expect(topics.table.rows().first()).toHaveAttribute('data-card', 'true');
    expect(await topics.names()).toEqual(tableOrder);
    // Card view has no headers: its sort select shows the sort the table had.
    await expect(topics.table.root.getByTestId('card-sort')).toHaveValue('-partitions');

    await topics.table.showTable();
    await expect(topics.table.header('partitions')).toHaveAttribute('aria-sort', 'descending');
    expect(await topics.names()).toEqual(tableOrder);
  });

  test('clicking the partitions header sorts topics by partition count, both ways', async () => {
    const before = (await topics.table.columnText('partitions')).map(countOf);

    await topics.table.clickHeader('partitions');
    await expect(topics.table.header('partitions')).toHaveAttribute('aria-sort', 'descending');
    const descending = (await topics.table.columnText('partitions')).map(countOf);
    expect(descending).toEqual([...before].sort((a, b) => b - a));
    expect(descending, 'the sort must change the order it started from').not.toEqual(before);

    await topics.table.clickHeader('partitions');
    await expect(topics.table.header('partitions')).toHaveAttribute('aria-sort', 'ascending');
    expect((await topics.table.columnText('partitions')).map(countOf)).toEqual([...before].sort((a, b) => a - b));
  });

  test('the filter narrows to matching topics by text or /regex/, and a broken regex is reported, not fatal', async () => {
    const all = await topics.names();

    await topics.table.setFilter('PAY');
    await expect(topics.table.rows()).toHaveCount(1);
    expect(await topics.names()).toEqual(['payments']);

    await topics.table.setFilter('/^(orders|payments)$/');
    await expect(topics.table.rows()).toHaveCount(2);
    expect((await topics.names()).sort()).toEqual(['orders', 'payments']);

    await topics.table.setFilter('/^__/');
    await expect(topics.table.rows()).toHaveCount(1);
    expect(await topics.names()).toEqual(['__consumer_offsets']);

    await topics.table.setFilter('/orders(/');
    await expect(topics.table.filterError).toBeVisible();
    await expect(topics.table.filterError).toContainText('Invalid regular expression');
    await expect(topics.table.rows()).toHaveCount(all.length);
    expect(await topics.table.counts()).toEqual({ shown: all.length, total: all.length });

    await topics.table.setFilter('/orders/');
    await expect(topics.table.filterError).toHaveCount(0);
    await expect(topics.table.rows()).toHaveCount(1);
  });

  test('topic detail colours every replica chip by Kafka’s leader and ISR for every partition', async () => {
    await topics.row('orders').click();
    await expect(topics.detail).toHaveAttribute('data-topic', 'orders');
    expect(app.route().params.get('sel')).toBe('orders');

    await expect(async () => {
      const kafka = (await kafkaPartitions(['--topic', 'orders'])).sort((a, b) => a.partition - b.partition);
      const rows = await topics.partitions.allRows();
      expect(rows.length).toBe(kafka.length);
      const shown = rows.map((r) => ({
        partition: Number(r.data.partition),
        leader: Number(r.cells.leader),
        isr: (r.cells.isr ?? '').split(',').map(Number).sort((a, b) => a - b),
        chips: r.chips,
      }));
      expect(shown.sort((a, b) => a.partition - b.partition)).toEqual(
        kafka.map((p) => ({ partition: p.partition, leader: p.leader, isr: [...p.isr].sort((a, b) => a - b), chips: expectedChips(p) })),
      );
    }).toPass(AGREE);
  });
});
