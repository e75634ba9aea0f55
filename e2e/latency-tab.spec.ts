import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

/**
 * The read-only latency probe runs on every poll: the Latency tab and the broker table show a
 * round-trip time for each live broker, and nothing writes to the cluster until the user confirms.
 */
test('every broker has a measured round-trip time and a line in the latency chart', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('#/brokers');
  const lastRtt = page.getByTestId('broker-latency-last');
  await expect(lastRtt).toHaveCount(3);
  await expect(async () => {
    const texts = await lastRtt.allTextContents();
    for (const text of texts) expect(text).toMatch(/^\s*[\d.]+\s*(ms|µs|s)\s*$/);
  }).toPass({ timeout: 30_000 });
  for (const badge of await page.getByTestId('broker-liveness').all()) await expect(badge).toHaveAttribute('data-status', 'healthy');

  await page.getByTestId('tab-latency').click();
  await expect(page.getByTestId('latency-chart')).toHaveAttribute('data-brokers', '1,2,3');
  await expect(page.getByTestId('availability-row')).toHaveCount(3);
});

test('turning the heartbeat on asks first and names the topic it will write', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('#/latency');
  await expect(page.getByTestId('heartbeat-toggle')).toHaveAttribute('data-enabled', 'false');
  await page.getByTestId('heartbeat-toggle').click();
  const confirm = page.getByTestId('heartbeat-confirm');
  await expect(confirm).toContainText('__brokerscope_heartbeat');
  await page.getByTestId('heartbeat-confirm-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('heartbeat-toggle')).toHaveAttribute('data-enabled', 'false');
});
