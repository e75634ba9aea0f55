import type { Locator, Page } from '@playwright/test';
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
