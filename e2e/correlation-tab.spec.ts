import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { CorrelationTab } from './pages/correlation-tab';
import { kafkaPartitions, leaderFollowerFacts, ledAndReplicated, matrixAxisFacts, partitionKey, sandboxBrokers } from './support/kafka-truth';

const AGREE = { timeout: 60_000, intervals: [1_000, 3_000, 5_000] };

test.describe('leader–follower tab', () => {
  test('each matrix cell counts the partitions its leader leads and its follower replicates, as kafka-topics says', async ({ page }) => {
    const app = new AppPage(page);
    const correlation = new CorrelationTab(page);
    await app.open('#/correlation');
    await expect(correlation.heatmap).toHaveAttribute('data-size', '3');
    const ids = sandboxBrokers().map((b) => b.id);

    await expect(async () => {
      const facts = leaderFollowerFacts(await kafkaPartitions(), ids);
      const cells = await correlation.cells();
      const shown = Object.fromEntries(cells.map((c) => [`${c.leader}>${c.follower}`, { replicated: c.replicated, outOfSync: c.outOfSync }]));
      expect(shown).toEqual(Object.fromEntries(facts));
      // Not vacuous: the seeded topics replicate between every pair of brokers.
      expect(cells.every((c) => c.replicated > 0)).toBe(true);
    }).toPass(AGREE);
  });

  test('clicking a cell lists exactly the partitions behind it', async ({ page }) => {
    const app = new AppPage(page);
    const correlation = new CorrelationTab(page);
    await app.open('#/correlation');
    const [leader, follower] = [1, 2];

    await correlation.cell(leader, follower).click();
    await expect(correlation.cellSection).toHaveAttribute('data-leader', String(leader));
    await expect(correlation.cellSection).toHaveAttribute('data-follower', String(follower));
    expect(app.route().params.get('cell')).toBe(`${leader}>${follower}`);

    await expect(async () => {
      const expected = ledAndReplicated(await kafkaPartitions(), leader, follower);
      const rows = await correlation.cellPartitions.allRows();
      expect(rows.map((r) => partitionKey({ topic: r.data.topic ?? '', partition: Number(r.data.partition) })).sort()).toEqual(expected);
      // Every listed partition shows the leader as leader and the follower among its replicas.
      for (const row of rows) {
        expect(row.chips.find((c) => c.broker === leader)?.state, row.key).toBe('leader');
        expect(row.chips.some((c) => c.broker === follower), row.key).toBe(true);
      }
      await expect(correlation.cell(leader, follower)).toHaveAttribute('data-replicated', String(expected.length));
    }).toPass(AGREE);
  });

  test("a broker's blast radius lists in full the partitions whose leadership would move, as kafka-topics assigns them", async ({ page }) => {
    const app = new AppPage(page);
    const correlation = new CorrelationTab(page);
    const broker = 2;
    await app.open(`#/correlation?sel=${broker}`);
    const moves = correlation.blastList('leadershipMoves');
    await expect(moves).toBeVisible();
    await moves.getByTestId('blast-list-all').click();
    await expect(correlation.blastSection).toHaveAttribute('data-effect', 'leadershipMoves');
    expect(app.route().params.get('blast')).toBe(`${broker}:leadershipMoves`);

    await expect(async () => {
      // It leads them and another replica is in sync: that replica would take over.
      const expected = (await kafkaPartitions())
        .filter((p) => p.leader === broker && p.isr.some((id) => id !== broker))
        .map(partitionKey)
        .sort();
      expect(expected.length, 'the seeded topics give broker 2 partitions to lead').toBeGreaterThan(0);
      const rows = await correlation.blastPartitions.allRows();
      expect(rows.map((r) => partitionKey({ topic: r.data.topic ?? '', partition: Number(r.data.partition) })).sort()).toEqual(expected);
      await expect(moves).toHaveAttribute('data-count', String(expected.length));
      for (const row of rows) expect(row.chips.find((c) => c.broker === broker)?.state, row.key).toBe('leader');
    }).toPass(AGREE);

    // Closing the list keeps the broker selected.
    await correlation.blastSection.getByRole('button', { name: 'close' }).click();
    await expect(correlation.blastSection).toHaveCount(0);
    await expect(moves).toBeVisible();
  });

  test('sorting rows or columns by partitions orders the brokers by what Kafka’s assignment has them lead or follow, both ways', async ({ page }) => {
    const app = new AppPage(page);
    const correlation = new CorrelationTab(page);
    await app.open('#/correlation');
    await expect(correlation.heatmap).toHaveAttribute('data-size', '3');
    const ids = sandboxBrokers().map((b) => b.id);
    const byId = [...ids].sort((a, b) => a - b);
    expect(await correlation.axisOrder('leader'), 'rows start in broker id order').toEqual(byId);
    expect(await correlation.axisOrder('follower'), 'columns start in broker id order').toEqual(byId);

    const drawn = { leader: byId, follower: byId };
    for (const axis of ['leader', 'follower'] as const) {
      const other = axis === 'leader' ? 'follower' : 'leader';
      for (const desc of [true, false]) {
        await correlation.sortAxis(axis, 'replicated', desc);
        await expect(async () => {
          // A row's total counts each partition its broker leads once per follower; a column's, the partitions its broker follows.
          const totals = matrixAxisFacts(leaderFollowerFacts(await kafkaPartitions(), ids), ids, axis);
          const total = (id: number): number => totals.get(id)?.replicated ?? 0;
          expect(new Set(ids.map(total)).size, `${axis} totals ${ids.map(total).join(', ')}: not all equal, or any order would do`).toBeGreaterThan(1);
          // Equal totals keep broker id order.
          const expected = [...ids].sort((a, b) => (desc ? total(b) - total(a) : total(a) - total(b)) || a - b);
          expect(await correlation.axisOrder(axis), `${axis}s by partitions ${desc ? 'descending' : 'ascending'}`).toEqual(expected);
          drawn[axis] = expected;
        }).toPass(AGREE);
        expect(await correlation.axisOrder(other), `the ${other} axis keeps its order`).toEqual(drawn[other]);
        await expect(correlation.heatmap.getByTestId('matrix-cell')).toHaveCount(ids.length * ids.length);
        expect(await correlation.misplacedCells(), 'cells move with their row and column').toEqual([]);
      }
    }

    // The sort lives in the URL: a reload draws the same order.
    await app.reload();
    await expect.poll(() => correlation.axisOrder('leader')).toEqual(drawn.leader);
    await expect.poll(() => correlation.axisOrder('follower')).toEqual(drawn.follower);

    await correlation.sortAxis('leader', 'id', true);
    await expect.poll(() => correlation.axisOrder('leader'), { message: 'rows by broker id, descending' }).toEqual([...byId].reverse());
  });
});
