import { expect, test } from '@playwright/test';

const url = (): string => {
  const value = process.env.E2E_APP_URL;
  if (!value) throw new Error('E2E_APP_URL is not set: run through e2e/playwright.config.ts');
  return value;
};

test('web mode shows the sandbox: three brokers in three racks, the controller and a healthy poll', async ({ page }) => {
  await page.goto(url());
  const rows = page.getByTestId('broker-row');
  await expect(rows).toHaveCount(3);
  const racks = await page.getByTestId('broker-rack').allTextContents();
  expect(racks.map((r) => r.trim()).sort()).toEqual(['rack-a', 'rack-b', 'rack-c']);
  await expect(page.getByTestId('active-controller')).toContainText(/[123]/);
  await expect(page.getByTestId('last-poll')).not.toBeEmpty();
});
