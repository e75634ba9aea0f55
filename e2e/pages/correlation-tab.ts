import { expect, type Locator, type Page } from '@playwright/test';
import type { PageElement } from '../support/page-globals';
import { DataTable } from './data-table';

export interface MatrixCellShown {
  readonly leader: number;
  readonly follower: number;
  readonly replicated: number;
  readonly outOfSync: number;
}

export class CorrelationTab {
  readonly root: Locator;
  readonly heatmap: Locator;
  readonly cellPartitions: DataTable;
  readonly cellSection: Locator;
  readonly blastPartitions: DataTable;
  readonly blastSection: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('correlation-tab');
    this.heatmap = page.getByTestId('heatmap');
    this.cellPartitions = new DataTable(page, 'cell-partitions', 'partition-row');
    this.cellSection = page.getByTestId('cell-partitions');
    this.blastPartitions = new DataTable(page, 'blast-partitions', 'partition-row');
    this.blastSection = page.getByTestId('blast-partitions');
  }

  /** One list of the selected broker's blast radius (offline, underMinIsr, underReplicated, leadershipMoves). */
  blastList(effect: string): Locator {
    return this.root.getByTestId(`blast-${effect}`);
  }

  /** Sorts the rows (leader axis) or columns (follower axis) with the select above the matrix. */
  async sortAxis(axis: 'leader' | 'follower', by: 'id' | 'replicated' | 'out-of-sync', desc: boolean): Promise<void> {
    const select = this.root.getByTestId(`matrix-sort-${axis}s`);
    await select.selectOption(`${desc ? '-' : ''}${by}`);
    await expect(select).toHaveValue(`${desc ? '-' : ''}${by}`);
  }

  /** Broker ids along an axis as drawn: row headings top to bottom, column headings left to right. */
  async axisOrder(axis: 'leader' | 'follower'): Promise<number[]> {
    const heads = await this.heatmap.getByTestId(`matrix-${axis}-head`).evaluateAll(
      (elements, vertical) =>
        elements.map((e) => {
          const box = e.getBoundingClientRect();
          return { id: Number(e.dataset.brokerId), at: vertical ? box.top : box.left };
        }),
      axis === 'leader',
    );
    return heads.sort((a, b) => a.at - b.at).map((h) => h.id);
  }

  /** Cells drawn out of line with their leader's row heading or their follower's column heading, as `L>F`. */
  async misplacedCells(): Promise<string[]> {
    return this.heatmap.evaluate((element) => {
      const map = element as unknown as PageElement;
      const place = new Map<string, number>();
      for (const [testId, key, edge] of [
        ['matrix-leader-head', 'L', 'top'],
        ['matrix-follower-head', 'F', 'left'],
      ] as const) {
        const heads = map.querySelectorAll(`[data-testid="${testId}"]`);
        for (let i = 0; i < heads.length; i += 1) {
          const head = heads[i] as PageElement;
          place.set(`${key}${head.dataset.brokerId}`, head.getBoundingClientRect()[edge]);
        }
      }
      const misplaced: string[] = [];
      const cells = map.querySelectorAll('[data-testid="matrix-cell"]');
      for (let i = 0; i < cells.length; i += 1) {
        const cell = cells[i] as PageElement;
        const box = cell.getBoundingClientRect();
        const row = place.get(`L${cell.dataset.leader}`);
        const col = place.get(`F${cell.dataset.follower}`);
        if (row === undefined || col === undefined || Math.abs(box.top - row) > 0.5 || Math.abs(box.left - col) > 0.5) misplaced.push(`${cell.dataset.leader}>${cell.dataset.follower}`);
      }
      return misplaced;
    });
  }

  cell(leader: number, follower: number): Locator {
    return this.heatmap.locator(`[data-testid="matrix-cell"][data-leader="${leader}"][data-follower="${follower}"]`);
  }

  /** Every rendered off-diagonal cell. */
  async cells(): Promise<MatrixCellShown[]> {
    const cells = await this.heatmap.getByTestId('matrix-cell').evaluateAll((buttons) =>
      buttons.map((b) => ({
        leader: Number(b.dataset.leader),
        follower: Number(b.dataset.follower),
        replicated: Number(b.dataset.replicated),
        outOfSync: Number(b.dataset.outOfSync),
      })),
    );
    return cells.filter((c) => c.leader !== c.follower);
  }
}
