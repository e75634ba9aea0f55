import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { BrokersTab } from './pages/brokers-tab';
import { brokerLoadFacts, kafkaLogDirs, kafkaPartitions, sandboxBrokers } from './support/kafka-truth';

const AGREE = { timeout: 60_000, intervals: [1_000, 3_000, 5_000] };

test.describe('brokers tab', () => {
  let app: AppPage;
  let brokers: BrokersTab;

  test.beforeEach(async ({ page }) => {
    app = new AppPage(page);
    brokers = new BrokersTab(page);
    await app.open('#/brokers');
    await expect(brokers.table.rows()).toHaveCount(3);
  });

  test('lists every broker with the address and rack it was started with, and the leaders and replicas Kafka assigns it', async () => {
    const expected = sandboxBrokers();
    expect(await brokers.ids()).toEqual(expected.map((b) => b.id));
    expect(await brokers.table.columnText('address')).toEqual(expected.map((b) => b.address));
    expect(await brokers.table.columnText('rack')).toEqual(expected.map((b) => b.rack));
    expect(await brokers.table.attributeOfRows('status')).toEqual(['ok', 'ok', 'ok']);

    await expect(async () => {
      const loads = brokerLoadFacts(await kafkaPartitions(), expected.map((b) => b.id));
      const leaders = (await brokers.table.columnText('leaders')).map((t) => Number(t.replace(/,/g, '')));
      const replicas = (await brokers.table.columnText('replicas')).map((t) => Number(t.replace(/,/g, '')));
      expect({ leaders, replicas }).toEqual({
        leaders: expected.map((b) => loads.get(b.id)?.leaders),
        replicas: expected.map((b) => loads.get(b.id)?.replicas),
      });
    }).toPass(AGREE);
  });

  test('cards show the same brokers in the same order as the table, and the table comes back', async () => {
    await brokers.table.clickHeader('id');
    const tableOrder = await brokers.ids();
    expect(tableOrder).toEqual([3, 2, 1]);

    await brokers.table.showCards();
    await expect(brokers.table.rows().first()).toHaveAttribute('data-card', 'true');
    expect(await brokers.ids()).toEqual(tableOrder);
    expect(app.route().params.get('v.brokers')).toBe('cards');

    await brokers.table.showTable();
    await expect(brokers.table.header('id')).toBeVisible();
    expect(await brokers.table.attributeOfRows('card')).toEqual(['', '', '']);
    expect(await brokers.ids()).toEqual(tableOrder);
  });

  test('clicking a column header sorts by it, and clicking again reverses the order', async () => {
    const before = await brokers.ids();
    expect(before).toEqual([1, 2, 3]);

    await brokers.table.clickHeader('id');
    await expect(brokers.table.header('id')).toHaveAttribute('aria-sort', 'descending');
    expect(await brokers.ids()).toEqual([3, 2, 1]);

    await brokers.table.clickHeader('id');
    await expect(brokers.table.header('id')).toHaveAttribute('aria-sort', 'ascending');
    expect(await brokers.ids()).toEqual([1, 2, 3]);

    // A third click drops the sort: the brokers come back in id order.
    await brokers.table.clickHeader('id');
    await expect(brokers.table.header('id')).toHaveAttribute('aria-sort', 'none');
    expect(await brokers.ids()).toEqual([1, 2, 3]);

    // A text column sorts alphabetically, ascending first.
    const racksBefore = await brokers.table.columnText('rack');
    await brokers.table.clickHeader('rack');
    await expect(brokers.table.header('rack')).toHaveAttribute('aria-sort', 'ascending');
    expect(await brokers.table.columnText('rack')).toEqual([...racksBefore].sort());
    await brokers.table.clickHeader('rack');
    await expect(brokers.table.header('rack')).toHaveAttribute('aria-sort', 'descending');
    const racksDescending = await brokers.table.columnText('rack');
    expect(racksDescending).toEqual([...racksBefore].sort().reverse());
    expect(racksDescending).not.toEqual(racksBefore);
  });

  test('the filter narrows to matching brokers by text or /regex/, and says so when the regex is broken', async () => {
    const [first, , third] = sandboxBrokers();
    if (first === undefined || third === undefined) throw new Error('the sandbox should have three brokers');

    // By the port in the address: only that broker.
    await brokers.table.setFilter(third.address.split(':')[1] ?? '');
    await expect(brokers.table.rows()).toHaveCount(1);
    expect(await brokers.ids()).toEqual([third.id]);
    await expect(brokers.table.rowCount).toHaveAttribute('data-shown', '1');

    await brokers.table.setFilter(`/^(${first.rack}|${third.rack})$/`);
    await expect(brokers.table.rows()).toHaveCount(2);
    expect(await brokers.ids()).toEqual([first.id, third.id]);

    await brokers.table.setFilter('/rack-(/');
    await expect(brokers.table.filterError).toContainText('Invalid regular expression');
    await expect(brokers.table.filter).toHaveAttribute('aria-invalid', 'true');
    // A broken filter hides nothing, and the page keeps working.
    await expect(brokers.table.rows()).toHaveCount(3);

    await brokers.table.setFilter('no-such-broker');
    await expect(brokers.table.filterError).toHaveCount(0);
    await expect(brokers.table.root.getByTestId('table-empty')).toBeVisible();
    await brokers.table.setFilter('');
    await expect(brokers.table.rows()).toHaveCount(3);
  });

  test('clicking a broker opens its detail with its rack and the topics it hosts', async () => {
    const second = sandboxBrokers()[1];
    if (second === undefined) throw new Error('the sandbox should have three brokers');
    await brokers.row(second.id).click();
    await expect(brokers.detail).toHaveAttribute('data-broker-id', String(second.id));
    await expect(brokers.detail.getByTestId('broker-rack')).toHaveText(second.rack);
    expect(app.route().params.get('sel')).toBe(String(second.id));

    await expect(async () => {
      const partitions = await kafkaPartitions();
      const hosted = [...new Set(partitions.filter((p) => p.replicas.includes(second.id)).map((p) => p.topic))].sort();
      const shown = (await brokers.detailTopics.allRows()).map((r) => r.data.topic).sort();
      expect(shown).toEqual(hosted);
    }).toPass(AGREE);
  });

  test('a broker’s log dirs are the ones kafka-log-dirs reports, and a header click sorts them', async () => {
    const first = sandboxBrokers()[0];
    if (first === undefined) throw new Error('the sandbox should have three brokers');
    await brokers.row(first.id).click();
    await expect(brokers.detail).toHaveAttribute('data-broker-id', String(first.id));

    const kafka = (await kafkaLogDirs([first.id])).find((b) => b.broker === first.id);
    if (kafka === undefined) throw new Error(`kafka-log-dirs did not describe broker ${first.id}`);
    await expect(brokers.logDirs.rows()).toHaveCount(kafka.paths.length);
    const paths = [...kafka.paths].sort();
    expect((await brokers.logDirs.attributeOfRows('path')).sort()).toEqual(paths);

    // The sandbox gives each broker one directory, so the rows cannot change places here (the
    // component test sorts several); what the header shows, the URL keeps and the rows follow.
    await brokers.logDirs.clickHeader('path');
    await expect(brokers.logDirs.header('path')).toHaveAttribute('aria-sort', 'ascending');
    expect(app.route().params.get('s.log-dirs')).toBe('path');
    expect(await brokers.logDirs.attributeOfRows('path')).toEqual(paths);
    await brokers.logDirs.clickHeader('path');
    await expect(brokers.logDirs.header('path')).toHaveAttribute('aria-sort', 'descending');
    expect(await brokers.logDirs.attributeOfRows('path')).toEqual([...paths].reverse());

    await brokers.logDirs.clickHeader('usable');
    await expect(brokers.logDirs.header('usable')).toHaveAttribute('aria-sort', 'descending');
    expect(app.route().params.get('s.log-dirs')).toBe('-usable');
  });
});
