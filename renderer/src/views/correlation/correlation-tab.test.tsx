import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syntheticCluster } from '../../../../shared/synthetic-snapshot';
import { App } from '../../app';
import { navigate, useRouteStore } from '../../navigation/route-store';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';

const cell = (leader: number, follower: number): HTMLElement =>
  screen.getAllByTestId('matrix-cell').find((c) => c.dataset.leader === String(leader) && c.dataset.follower === String(follower)) as HTMLElement;

describe('leader-follower correlation', () => {
  beforeAll(() => fakeLayout());
  beforeEach(() => {
    resetAllStores();
  });
  afterEach(() => cleanup());

  it('counts partitions per leader and follower, flags the out-of-sync ones and names the outlier', () => {
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'correlation' });
    });
    render(<App />);
    expect(cell(1, 3).dataset).toMatchObject({ replicated: '2', outOfSync: '2' });
    expect(cell(3, 1).dataset).toMatchObject({ replicated: '1', outOfSync: '0' });
    expect(screen.getByTestId('isr-outlier').dataset.brokerId).toBe('3');
  });

  it('lists the partitions of a clicked cell', async () => {
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'correlation' });
    });
    render(<App />);
    fireEvent.click(cell(1, 3));
    expect(useRouteStore.getState().route.cell).toEqual({ leader: 1, follower: 3 });
    const rows = await within(screen.getByTestId('cell-partitions')).findAllByTestId('partition-row');
    expect(rows.map((r) => `${r.dataset.topic}/${r.dataset.partition}`)).toEqual(['orders/0', 'audit/0']);
  });

  it('shows who follows a broker, whom it follows and its blast radius', async () => {
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'correlation', selected: '1' });
    });
    render(<App />);
    const radius = await screen.findByTestId('blast-radius');
    // Broker 1 is the only in-sync replica of audit/0: it would go offline.
    expect(radius.dataset).toMatchObject({ brokerId: '1', offline: '1' });
    // Busiest first: broker 3 replicates two of broker 1's partitions, broker 2 one.
    expect(screen.getAllByTestId('follower-relation').map((r) => r.dataset.brokerId)).toEqual(['3', '2']);
    expect(screen.getAllByTestId('leader-relation').map((r) => r.dataset.brokerId)).toEqual(['2', '3']);

    // A table like the others: sorted by broker id (ids start descending, like every number), then filtered to one broker, and in the URL.
    const followers = screen.getAllByTestId('data-table').find((t) => t.dataset.tableId === 'followers') as HTMLElement;
    const byBroker = within(within(followers).getByTestId('col-broker')).getByRole('button');
    fireEvent.click(byBroker);
    fireEvent.click(byBroker);
    expect(within(followers).getAllByTestId('follower-relation').map((r) => r.dataset.brokerId)).toEqual(['2', '3']);
    fireEvent.change(within(followers).getByTestId('table-filter'), { target: { value: '3' } });
    expect(within(followers).getAllByTestId('follower-relation').map((r) => r.dataset.brokerId)).toEqual(['3']);
    expect(useRouteStore.getState().route.tables.followers).toMatchObject({ sort: { id: 'broker', desc: false }, filter: '3' });
  });

  it('sorts an axis and draws only the visible part of a 200 × 200 matrix', () => {
    fakeLayout(480, 320);
    act(() => {
      pushCluster(syntheticCluster({ brokers: 200, partitions: 4000, partitionsPerTopic: 40, replicationFactor: 3, outOfSyncRatio: 0.05, seed: 1 }));
      navigate({ tab: 'correlation' });
    });
    render(<App />);
    expect(screen.getByTestId('heatmap').dataset.size).toBe('200');
    const drawn = screen.getAllByTestId('matrix-cell').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(200 * 200);
    fireEvent.change(screen.getByTestId('matrix-sort-followers'), { target: { value: '-out-of-sync' } });
    const first = screen.getAllByTestId('matrix-follower-head')[0];
    expect(first?.dataset.brokerId).toBe(String(screen.getByTestId('isr-outlier').dataset.brokerId));
    fakeLayout();
  });
});
