import type { Locator, Page } from '@playwright/test';
import { DataTable } from './data-table';

export class BrokersTab {
  readonly table: DataTable;
  readonly detail: Locator;
  /** Broker detail: the topics it leads and follows partitions of. */
  readonly detailTopics: DataTable;
  /** Broker detail: its log directories. */
  readonly logDirs: DataTable;

  constructor(readonly page: Page) {
    this.table = new DataTable(page, 'brokers', 'broker-row');
    this.detail = page.getByTestId('broker-detail');
    this.detailTopics = new DataTable(page, 'broker-topics', 'broker-topic-row');
    this.logDirs = new DataTable(page, 'log-dirs', 'log-dir');
  }

  /** Broker ids of the rendered rows (or cards), in screen order. */
  async ids(): Promise<number[]> {
    return (await this.table.attributeOfRows('broker-id')).map(Number);
  }

  row(brokerId: number): Locator {
    return this.table.rows().and(this.page.locator(`[data-broker-id="${brokerId}"]`));
  }
}
