import { expect, type Locator, type Page } from '@playwright/test';
import { DataTable } from './data-table';

export class TopicsTab {
  /** The topic list. */
  readonly table: DataTable;
  /** One topic's partitions (topic detail). */
  readonly partitions: DataTable;
  /** A cluster-wide partition list (all, under-replicated, offline, …). */
  readonly clusterPartitions: DataTable;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.table = new DataTable(page, 'topics', 'topic-row');
    this.partitions = new DataTable(page, 'partitions', 'partition-row');
    this.clusterPartitions = new DataTable(page, 'cluster-partitions', 'partition-row');
    this.detail = page.getByTestId('topic-detail');
  }

  async names(): Promise<string[]> {
    return this.table.attributeOfRows('topic');
  }

  /** From the topic list, the list of every partition of every topic. */
  async openAllPartitions(): Promise<void> {
    await this.page.getByTestId('all-partitions').click();
    await expect(this.page.getByTestId('cluster-partitions')).toHaveAttribute('data-scope', 'all');
  }

  row(topic: string): Locator {
    return this.table.rows().and(this.page.locator(`[data-topic="${topic}"]`));
  }
}
