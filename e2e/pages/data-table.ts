import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { PageElement, PageGlobals } from '../support/page-globals';

/** One rendered row (or card): its data-* attributes, its cells' text and its replica chips. */
export interface RowData {
  readonly key: string;
  readonly data: Readonly<Record<string, string>>;
  /** Cell text by column id (table view only). */
  readonly cells: Readonly<Record<string, string>>;
  readonly chips: readonly { broker: number; state: string }[];
}

/**
 * Any of the app's tables (`data-table` with a `data-table-id`): toolbar, sortable headers,
 * virtualized rows or cards. Rows are found by the test id the view gives them.
 */
export class DataTable {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly tableId: string,
    readonly rowTestId: string,
  ) {
    this.root = page.locator(`[data-testid="data-table"][data-table-id="${tableId}"]`);
  }

  get filter(): Locator {
    return this.root.getByTestId('table-filter');
  }

  get filterError(): Locator {
    return this.root.getByTestId('table-filter-error');
  }

  get rowCount(): Locator {
    return this.root.getByTestId('row-count');
  }

  rows(): Locator {
    return this.root.getByTestId(this.rowTestId);
  }

  header(columnId: string): Locator {
    return this.root.getByTestId(`col-${columnId}`);
  }

  async setFilter(text: string): Promise<void> {
    await this.filter.fill(text);
  }

  async clickHeader(columnId: string): Promise<void> {
    await this.header(columnId).getByRole('button').click();
  }

  async showCards(): Promise<void> {
    await this.root.getByTestId('view-mode-cards').click();
    await expect(this.root).toHaveAttribute('data-view', 'cards');
  }

  async showTable(): Promise<void> {
    await this.root.getByTestId('view-mode-table').click();
    await expect(this.root).toHaveAttribute('data-view', 'table');
  }

  /** How many rows pass the filter, and how many there are, as the toolbar says. */
  async counts(): Promise<{ shown: number; total: number }> {
    const [shown, total] = await Promise.all([this.rowCount.getAttribute('data-shown'), this.rowCount.getAttribute('data-total')]);
    return { shown: Number(shown), total: Number(total) };
  }

  /** Exports the shown rows as a user does, and reads the file the browser saved. */
  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.root.getByTestId('export-csv').click()]);
    return readFileSync(await download.path(), 'utf8');
  }

  /** A data attribute of every rendered row, in screen order. */
  async attributeOfRows(name: string): Promise<string[]> {
    return this.rows().evaluateAll((rows, attr) => rows.map((r) => r.getAttribute(attr) ?? ''), `data-${name}`);
  }

  /** The text of one column in every rendered row, in screen order. */
  async columnText(columnId: string): Promise<string[]> {
    return this.rows().evaluateAll((rows, col) => rows.map((r) => r.querySelector(`[data-col="${col}"]`)?.textContent?.trim() ?? ''), columnId);
  }

  /**
   * Every row that passes the filter, scrolling the virtualized body from top to bottom, in screen
   * order. Fails if it could not see as many rows as the toolbar counts.
   */
  async allRows(): Promise<RowData[]> {
    const rows = await this.root.evaluate(
      async (table, rowTestId) => {
        const g = globalThis as unknown as PageGlobals;
        const frame = (): Promise<void> => new Promise((resolve) => g.requestAnimationFrame(() => resolve()));
        const scroller = (table as unknown as PageElement).querySelector('.dt-scroll');
        if (scroller === null) return [];
        const seen = new Map<string, RowData>();
        const collect = (): void => {
          const found = scroller.querySelectorAll(`[data-testid="${rowTestId}"]`);
          for (let i = 0; i < found.length; i += 1) {
            const row = found[i] as PageElement;
            const key = row.dataset.rowKey ?? '';
            if (seen.has(key)) continue;
            const data: Record<string, string> = {};
            for (const [name, value] of Object.entries(row.dataset)) if (value !== undefined) data[name] = value;
            const cells: Record<string, string> = {};
            const cellElements = row.querySelectorAll('[data-col]');
            for (let c = 0; c < cellElements.length; c += 1) {
              const cell = cellElements[c] as PageElement;
              cells[cell.dataset.col ?? ''] = (cell.textContent ?? '').trim();
            }
            const chipElements = row.querySelectorAll('[data-testid="replica-chip"]');
            const chips: { broker: number; state: string }[] = [];
            for (let c = 0; c < chipElements.length; c += 1) {
              const chip = chipElements[c] as PageElement;
              chips.push({ broker: Number(chip.dataset.brokerId), state: chip.dataset.state ?? '' });
            }
            seen.set(key, { key, data, cells, chips });
          }
        };
        // Rows a table asks the view engine for show as pending placeholders until its answer comes:
        // on a busy machine that is more than a frame or two after a scroll.
        const settle = async (): Promise<void> => {
          await frame();
          await frame();
          for (let i = 0; i < 600 && scroller.querySelector('.dt-pending') !== null; i += 1) await frame();
        };
        scroller.scrollTop = 0;
        await settle();
        for (;;) {
          collect();
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
          scroller.scrollTop += Math.max(1, Math.floor(scroller.clientHeight * 0.8));
          await settle();
        }
        scroller.scrollTop = 0;
        return [...seen.values()];
      },
      this.rowTestId,
    );
    const { shown } = await this.counts();
    expect(rows.length, `rows seen while scrolling ${this.tableId} vs its row count`).toBe(shown);
    return rows;
  }
}
