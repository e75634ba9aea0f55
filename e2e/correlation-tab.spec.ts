import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { CorrelationTab } from './pages/correlation-tab';
import { kafkaPartitions, leaderFollowerFacts, ledAndReplicated, partitionKey, sandboxBrokers } from './support/kafka-truth';

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
});
