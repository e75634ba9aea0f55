import { expect, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/e2e-env';

export type TabId = 'cluster' | 'brokers' | 'topics' | 'correlation';

/** The app shell: tabs, status bar, the URL hash that holds the view. */
export class AppPage {
  /** `baseUrl` defaults to the app global-setup started; a spec may start its own. */
  constructor(
    readonly page: Page,
    private readonly baseUrl: string = appUrl(),
  ) {}

  /** Opens the app (optionally at a `#/…` view) and waits for the first successful poll to arrive. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}${hash}`);
    await this.waitForData();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForData();
  }

  async waitForData(): Promise<void> {
    await expect(this.page.getByTestId('cluster-state')).toHaveAttribute('data-state', 'ok');
    await expect(this.page.getByTestId('last-poll')).toHaveAttribute('data-epoch-ms', /^\d+$/);
  }

  /** When the poll the status bar shows ended (the app's clock, epoch ms). */
  async lastPollAt(): Promise<number> {
    return Number(await this.page.getByTestId('last-poll').getAttribute('data-epoch-ms'));
  }

  /** Waits for a poll that ended after `epochMs` to be shown, and returns when it ended. */
  async waitForPollAfter(epochMs: number): Promise<number> {
    await expect.poll(() => this.lastPollAt(), { intervals: [100, 250, 500] }).toBeGreaterThan(epochMs);
    return this.lastPollAt();
  }

  tab(id: TabId): Locator {
    return this.page.getByTestId(`tab-${id}`);
  }

  /** The main area, which names the tab it shows. */
  view(id: TabId): Locator {
    return this.page.getByTestId(`view-${id}`);
  }

  async openTab(id: TabId): Promise<void> {
    await this.tab(id).click();
    await expect(this.tab(id)).toHaveAttribute('aria-selected', 'true');
    await expect(this.view(id)).toBeVisible();
  }

  /** The view's route as the URL carries it: tab path and decoded query parameters. */
  route(): { path: string; params: URLSearchParams } {
    const hash = new URL(this.page.url()).hash.replace(/^#/, '');
    const [path = '', query = ''] = hash.split(/\?(.*)/s, 2);
    return { path, params: new URLSearchParams(query) };
  }
}
