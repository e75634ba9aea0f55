import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startWebApp, stopApp, type RunningApp } from './app-process';
import { AppPage } from './pages/app-page';
import { BrokersTab } from './pages/brokers-tab';
import { JumpBox } from './pages/jump-box';
import { bootstrap } from './support/e2e-env';

/** A static mapping file as an operator would write it: broker id → cloud instance, zone and instance type. */
const INSTANCES = [
  { broker: 1, instanceId: 'i-0a11e2e0000000001', zone: 'eu-west-1a', instanceType: 'm7i.large' },
  { broker: 2, instanceId: 'i-0b22e2e0000000002', zone: 'eu-west-1b', instanceType: 'm7i.large' },
  { broker: 3, instanceId: 'i-0c33e2e0000000003', zone: 'eu-west-1c', instanceType: 'm7i.xlarge' },
];

test.describe('broker id → instance id mapping', () => {
  // A second app on the same cluster, started the way a user would: a clusters file naming a mapping file.
  let mapped: RunningApp | undefined;

  test.beforeAll(async () => {
    const mappingFile = test.info().outputPath('instances.json');
    const clustersFile = test.info().outputPath('clusters.json');
    writeFileSync(mappingFile, JSON.stringify({ instances: INSTANCES }, null, 2));
    writeFileSync(
      clustersFile,
      // Relative on purpose: the mapping file is found next to the clusters file.
      JSON.stringify({ clusters: [{ name: 'e2e-mapped', bootstrap: bootstrap(), pollIntervalMs: 1000, instances: { file: 'instances.json' } }] }, null, 2),
    );
    mapped = await startWebApp(['--config', clustersFile]);
  });

  test.afterAll(() => {
    if (mapped?.process.pid) stopApp(mapped.process.pid);
  });

  test('the brokers table, cards and detail show each broker’s instance id, zone and type, and the filter finds brokers by them', async ({ page }) => {
    if (mapped === undefined) throw new Error('the mapped app did not start');
    const app = new AppPage(page, mapped.url);
    const brokers = new BrokersTab(page);
    await app.open('#/brokers');
    await expect(brokers.table.rows()).toHaveCount(3);

    expect(await brokers.ids()).toEqual([1, 2, 3]);
    expect(await brokers.table.columnText('instance')).toEqual(INSTANCES.map((i) => i.instanceId));
    expect(await brokers.table.columnText('zone')).toEqual(INSTANCES.map((i) => i.zone));
    expect(await brokers.table.columnText('instanceType')).toEqual(INSTANCES.map((i) => i.instanceType));

    // Searchable: an instance id pasted from a cloud alert finds its broker; a zone finds its brokers.
    await brokers.table.setFilter('i-0b22e2e0000000002');
    await expect(brokers.table.rows()).toHaveCount(1);
    expect(await brokers.ids()).toEqual([2]);
    await brokers.table.setFilter('/^eu-west-1[ac]$/');
    await expect(brokers.table.rows()).toHaveCount(2);
    expect(await brokers.ids()).toEqual([1, 3]);
    // An instance type finds the brokers running on it, say before resizing that type.
    await brokers.table.setFilter('m7i.large');
    await expect(brokers.table.rows()).toHaveCount(2);
    expect(await brokers.ids()).toEqual([1, 2]);
    await brokers.table.setFilter('xlarge');
    await expect(brokers.table.rows()).toHaveCount(1);
    expect(await brokers.ids()).toEqual([3]);
    await brokers.table.setFilter('');
    await expect(brokers.table.rows()).toHaveCount(3);

    // The CSV export carries the instance type beside the instance id.
    const [header, ...lines] = (await brokers.table.exportCsv()).trim().split('\r\n').map((line) => line.split(','));
    const at = (name: string): number => header?.indexOf(name) ?? -1;
    expect(lines.map((cells) => [cells[at('id')], cells[at('instance id')], cells[at('instance type')]])).toEqual(
      INSTANCES.map((i) => [String(i.broker), i.instanceId, i.instanceType]),
    );

    // Sortable like any column: descending instance ids put broker 3 first.
    await brokers.table.clickHeader('instance');
    await brokers.table.clickHeader('instance');
    await expect(brokers.table.header('instance')).toHaveAttribute('aria-sort', 'descending');
    expect(await brokers.ids()).toEqual([3, 2, 1]);

    await brokers.table.showCards();
    const cards = await brokers.table.rows().evaluateAll((rows) =>
      rows.map((r) => {
        const instance = r.querySelector('[data-testid="broker-instance"]');
        const type = r.querySelector('[data-testid="broker-instance-type"]');
        return { broker: Number(r.dataset.brokerId), instanceId: instance?.dataset.instanceId, zone: instance?.dataset.zone, instanceType: type?.textContent };
      }),
    );
    expect(cards).toEqual([...INSTANCES].reverse().map((i) => ({ broker: i.broker, instanceId: i.instanceId, zone: i.zone, instanceType: i.instanceType })));

    await brokers.row(1).click();
    await expect(brokers.detail).toHaveAttribute('data-broker-id', '1');
    await expect(brokers.detail.getByTestId('broker-instance')).toHaveText('i-0a11e2e0000000001 / eu-west-1a');
    await expect(brokers.detail.getByTestId('broker-instance-type')).toHaveText('m7i.large');
    await expect(brokers.detail.getByTestId('broker-instance-source')).toHaveText('from the mapping file');

    // Ctrl+K finds a broker by its instance type or instance id too, and opens it.
    const jump = new JumpBox(page);
    await jump.openWithKeyboard();
    await jump.input.fill('m7i.xlarge');
    await expect(jump.results).toHaveCount(1);
    await expect(jump.results.first()).toHaveAttribute('data-id', '3');
    await jump.input.fill('i-0c33e2e0000000003');
    await expect(jump.results).toHaveCount(1);
    await expect(jump.results.first()).toHaveAttribute('data-id', '3');
    await jump.input.press('Enter');
    await expect(brokers.detail).toHaveAttribute('data-broker-id', '3');
  });

  test('without a mapping the app says no resolver is configured rather than inventing ids', async ({ page }) => {
    const app = new AppPage(page);
    const brokers = new BrokersTab(page);
    await app.open('#/brokers?sel=1');
    await expect(brokers.detail.getByTestId('broker-instance')).toHaveText('no instance resolver');
    await expect(brokers.detail.getByTestId('broker-instance-source')).toHaveCount(0);
    await app.openTab('brokers');
    expect(await brokers.table.columnText('instance')).toEqual(['', '', '']);
    expect(await brokers.table.columnText('instanceType')).toEqual(['', '', '']);
  });
});
