import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { BrokersTab } from './pages/brokers-tab';
import { JumpBox } from './pages/jump-box';
import { TopicsTab } from './pages/topics-tab';

test.describe('navigation', () => {
  test('reloading the page restores the tab, the selected topic, and each table’s sort and filter', async ({ page }) => {
    const app = new AppPage(page);
    const topics = new TopicsTab(page);
    await app.open('#/topics');

    await topics.table.setFilter('/s$/');
    await topics.table.clickHeader('partitions');
    await expect(topics.table.header('partitions')).toHaveAttribute('aria-sort', 'descending');
    const listBefore = await topics.names();
    expect(listBefore).toContain('orders');

    await topics.row('orders').click();
    await expect(topics.detail).toHaveAttribute('data-topic', 'orders');
    await topics.partitions.clickHeader('partition');
    await expect(topics.partitions.header('partition')).toHaveAttribute('aria-sort', 'descending');
    await topics.partitions.setFilter('/^1/');
    await expect(topics.partitions.rows()).toHaveCount(3);
    const partitionsBefore = await topics.partitions.attributeOfRows('partition');
    expect(partitionsBefore).toEqual(['11', '10', '1']);

    await app.reload();
    await expect(app.tab('topics')).toHaveAttribute('aria-selected', 'true');
    await expect(topics.detail).toHaveAttribute('data-topic', 'orders');
    await expect(topics.partitions.filter).toHaveValue('/^1/');
    await expect(topics.partitions.header('partition')).toHaveAttribute('aria-sort', 'descending');
    expect(await topics.partitions.attributeOfRows('partition')).toEqual(partitionsBefore);

    // The topic list kept its own sort and filter underneath.
    await page.getByTestId('back-to-topics').click();
    await expect(topics.table.filter).toHaveValue('/s$/');
    await expect(topics.table.header('partitions')).toHaveAttribute('aria-sort', 'descending');
    expect(await topics.names()).toEqual(listBefore);
  });

  test('a copied link opens the same broker in a new window', async ({ page, context }) => {
    const app = new AppPage(page);
    const brokers = new BrokersTab(page);
    await app.open('#/brokers');
    await brokers.table.showCards();
    await brokers.row(2).click();
    await expect(brokers.detail).toHaveAttribute('data-broker-id', '2');

    const second = await context.newPage();
    await second.goto(page.url());
    await expect(new AppPage(second).tab('brokers')).toHaveAttribute('aria-selected', 'true');
    await expect(second.getByTestId('broker-detail')).toHaveAttribute('data-broker-id', '2');
    await second.getByTestId('back-to-brokers').click();
    await expect(new BrokersTab(second).table.root).toHaveAttribute('data-view', 'cards');
  });

  test('Ctrl+K, a topic name and Enter open that topic', async ({ page }) => {
    const app = new AppPage(page);
    const jump = new JumpBox(page);
    const topics = new TopicsTab(page);
    await app.open('#/cluster');

    await jump.openWithKeyboard();
    await expect(jump.input).toBeFocused();
    await jump.input.fill('clickstr');
    await expect(jump.results).toHaveCount(1);
    await expect(jump.results.first()).toHaveAttribute('data-kind', 'topic');
    await expect(jump.results.first()).toHaveAttribute('data-id', 'clickstream');
    await page.keyboard.press('Enter');

    await expect(jump.dialog).toHaveCount(0);
    await expect(app.tab('topics')).toHaveAttribute('aria-selected', 'true');
    await expect(topics.detail).toHaveAttribute('data-topic', 'clickstream');
    expect(app.route()).toMatchObject({ path: '/topics' });
    expect(app.route().params.get('sel')).toBe('clickstream');
  });
});
