import { expect, type Locator, type Page } from '@playwright/test';
import type { PageElement } from '../support/page-globals';
import { DataTable } from './data-table';

export interface HealthReasonShown {
  readonly code: string;
  readonly count: number;
  readonly severity: string;
}

export interface ClusterCountsShown {
  readonly live: number;
  readonly fenced: number;
  readonly missing: number;
  readonly topics: number;
  readonly partitions: number;
  readonly replicas: number;
  readonly leaders: number;
}

/** One bar of a distribution chart as drawn: what it stands for, its count, and its rectangle in the chart's SVG units. */
export interface ChartBarShown {
  readonly category: string;
  readonly series: string;
  readonly value: number;
  readonly y: number;
  readonly height: number;
}

export type ChartId = 'chart-broker-load' | 'chart-rack-load';

const COUNT_IDS: Record<keyof ClusterCountsShown, string> = {
  live: 'broker-count-live',
  fenced: 'broker-count-fenced',
  missing: 'broker-count-missing',
  topics: 'topic-count',
  partitions: 'partition-count',
  replicas: 'replica-count',
  leaders: 'leader-count',
};

/** A quorum voter's row, the numbers as the table shows them. */
export interface VoterShown {
  readonly id: number;
  readonly logEndOffset: number;
  readonly lag: number;
}

export class ClusterTab {
  readonly root: Locator;
  readonly voters: DataTable;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('cluster-tab');
    this.voters = new DataTable(page, 'quorum-voters', 'quorum-voter');
  }

  get healthOk(): Locator {
    return this.root.getByTestId('health-ok');
  }

  get activeController(): Locator {
    return this.root.getByTestId('active-controller');
  }

  async healthReasons(): Promise<HealthReasonShown[]> {
    return this.root.getByTestId('health-reason').evaluateAll((items) =>
      items.map((li) => ({ code: li.dataset.code ?? '', count: Number(li.dataset.count), severity: li.dataset.severity ?? '' })),
    );
  }

  /** The listed health reason with this code (absent when it does not hold). */
  reason(code: string): Locator {
    return this.root.locator(`[data-testid="health-reason"][data-code="${code}"]`);
  }

  /**
   * Clicks the link a health reason gives to the rows behind it, and returns the count the reason
   * gave just before. Fails (rather than waiting on) a reason that is not listed.
   */
  async followReasonLink(code: string): Promise<number> {
    const reason = this.reason(code);
    await expect(reason, `health reason ${code}`).toBeVisible();
    const count = Number(await reason.getAttribute('data-count'));
    await reason.getByTestId('health-reason-link').click();
    return count;
  }

  rule(id: string): Locator {
    return this.root.locator(`[data-testid="deployment-rule"][data-rule="${id}"]`);
  }

  /** Every bar a chart draws, leaders and followers of each broker or rack. */
  async chartBars(chart: ChartId): Promise<ChartBarShown[]> {
    return this.root.getByTestId(chart).getByTestId('chart-bar').evaluateAll((bars) =>
      bars.map((bar) => ({
        category: bar.getAttribute('data-category') ?? '',
        series: bar.getAttribute('data-series') ?? '',
        value: Number(bar.getAttribute('data-value')),
        y: Number(bar.getAttribute('y')),
        height: Number(bar.getAttribute('height')),
      })),
    );
  }

  /** The count a reason gives, 0 when the reason is not listed. */
  async reasonCount(code: string): Promise<number> {
    return (await this.healthReasons()).find((r) => r.code === code)?.count ?? 0;
  }

  async counts(): Promise<ClusterCountsShown> {
    const entries = await Promise.all(
      Object.entries(COUNT_IDS).map(async ([key, testId]) => [key, Number(await this.root.getByTestId(testId).getAttribute('data-value'))] as const),
    );
    return Object.fromEntries(entries) as unknown as ClusterCountsShown;
  }

  async activeControllerId(): Promise<number | null> {
    const id = await this.activeController.getAttribute('data-broker-id');
    return id === null || id === '' ? null : Number(id);
  }

  /** Every voter row in screen order, read in one go so all the numbers come from the same poll. */
  async votersShown(): Promise<VoterShown[]> {
    return this.voters.rows().evaluateAll((elements) => {
      const count = (row: PageElement, col: string): number => Number((row.querySelector(`[data-col="${col}"]`)?.textContent ?? '').replace(/,/g, '').trim());
      return (elements as unknown as PageElement[]).map((r) => ({ id: Number(r.dataset.voterId), logEndOffset: count(r, 'logEndOffset'), lag: count(r, 'lag') }));
    });
  }

  async deploymentRules(): Promise<Map<string, { verdict: string; value: string }>> {
    const rules = await this.root.getByTestId('deployment-rule').evaluateAll((items) =>
      items.map((li) => [li.dataset.rule ?? '', { verdict: li.dataset.verdict ?? '', value: li.dataset.value ?? '' }] as const),
    );
    return new Map(rules);
  }
}
