import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missing } from '../../../../shared/fetched';
import { partitionInfo, topicInfo } from '../../../../shared/synthetic-snapshot';
import { App } from '../../app';
import { navigate, useRouteStore } from '../../navigation/route-store';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { applyClusterStatus } from '../../state/clusters-store';
import { applySnapshot, clusterStatus, pushCluster, resetAllStores } from '../../test/store-fixtures';

const topicNames = (): string[] => screen.getAllByTestId('topic-row').map((r) => r.dataset.topic ?? '');
const cell = (row: HTMLElement, column: string): string => row.querySelector(`[data-col="${column}"]`)?.textContent ?? '';

describe('topics tab', () => {
  beforeAll(() => fakeLayout());
  beforeEach(() => {
    resetAllStores();
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'topics' });
    });
  });
  afterEach(() => cleanup());

  it('shows per-topic counts, and unknown rather than a partial sum for a size it could not read', () => {
    render(<App />);
    expect(topicNames()).toEqual(['orders', 'payments', 'audit']);
    const [orders, payments, audit] = screen.getAllByTestId('topic-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(cell(orders, 'underReplicated')).toBe('2');
    expect(cell(orders, 'underMinIsr')).toBe('0');
    expect(cell(payments, 'offline')).toBe('1');
    expect(cell(orders, 'size')).toBe('5.86 KiB');
    expect(cell(audit, 'size')).toBe('unknown');
  });

  it('says under min ISR is unknown, not 0, for a topic whose min.insync.replicas could not be read', () => {
    const demo = demoSnapshot();
    const unread = missing('DescribeConfigs on broker 1: Request timed out after 3000 ms');
    act(() => pushCluster({ ...demo, takenAt: demo.takenAt + 1, topics: demo.topics.map((t) => (t.name === 'audit' ? t : { ...t, config: unread })) }));
    render(<App />);
    const [orders, payments, audit] = screen.getAllByTestId('topic-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(cell(orders, 'underMinIsr')).toBe('unknown');
    expect(cell(orders, 'minIsr')).toBe('unknown');
    // An offline partition is under min ISR whatever the setting: at least that many.
    expect(cell(payments, 'underMinIsr')).toBe('≥ 1');
    expect(cell(audit, 'underMinIsr')).toBe('0');
  });

  it('sorts by every column it is asked to, unknown values last', () => {
    render(<App />);
    fireEvent.click(within(screen.getByTestId('col-size')).getByRole('button'));
    expect(topicNames()).toEqual(['orders', 'payments', 'audit']);
    fireEvent.click(within(screen.getByTestId('col-size')).getByRole('button'));
    expect(topicNames()).toEqual(['payments', 'orders', 'audit']);
    fireEvent.click(within(screen.getByTestId('col-name')).getByRole('button'));
    expect(topicNames()).toEqual(['audit', 'orders', 'payments']);
  });

  it('filters topics as you type', () => {
    render(<App />);
    fireEvent.change(screen.getByTestId('table-filter'), { target: { value: '/^(orders|audit)$/' } });
    expect(topicNames()).toEqual(['orders', 'audit']);
    expect(screen.getByTestId('row-count').dataset.shown).toBe('2');
  });

  it('opens a topic with one chip per replica, coloured by its state', async () => {
    render(<App />);
    fireEvent.click(screen.getAllByTestId('topic-row')[0] as HTMLElement);
    expect(screen.getByTestId('topic-detail').dataset.topic).toBe('orders');
    const partitions = await screen.findAllByTestId('partition-row');
    expect(partitions.map((p) => p.dataset.partition)).toEqual(['0', '1', '2']);
    const chips = within(partitions[0] as HTMLElement).getAllByTestId('replica-chip');
    expect(chips.map((c) => [c.dataset.brokerId, c.dataset.state])).toEqual([
      ['1', 'leader'],
      ['2', 'in-sync'],
      ['3', 'out-of-sync'],
    ]);
    expect(screen.getByTestId('replica-legend')).toBeTruthy();
  });

  it('shows replicas on a fenced broker as offline', async () => {
    act(() => navigate({ selected: 'payments' }));
    render(<App />);
    const chips = within(await screen.findByTestId('partition-row')).getAllByTestId('replica-chip');
    expect(chips.map((c) => c.dataset.state)).toEqual(['offline', 'out-of-sync']);
  });

  it('lists the partitions behind a health reason across topics', async () => {
    act(() => navigate({ tab: 'cluster' }));
    render(<App />);
    const reason = screen.getAllByTestId('health-reason').find((r) => r.dataset.code === 'UNDER_REPLICATED_PARTITIONS') as HTMLElement;
    fireEvent.click(within(reason).getByTestId('health-reason-link'));
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'topics', partitions: 'under-replicated' });
    const rows = await screen.findAllByTestId('partition-row');
    expect(rows.map((r) => `${r.dataset.topic}/${r.dataset.partition}`)).toEqual(['orders/0', 'orders/1', 'payments/0', 'audit/0']);
  });

  it('flashes the rows that changed since the previous snapshot', () => {
    render(<App />);
    expect(document.querySelectorAll('.dt-flash')).toHaveLength(0);
    const before = demoSnapshot();
    const healed = {
      ...before,
      takenAt: 2_000,
      topics: [topicInfo('orders', [partitionInfo(0, [1, 2, 3]), partitionInfo(1, [2, 3, 1], { isr: [2, 1] }), partitionInfo(2, [3, 1, 2])], 2), ...before.topics.slice(1)],
    };
    act(() => applySnapshot(healed));
    const flashing = [...document.querySelectorAll<HTMLElement>('.dt-flash')].map((r) => r.dataset.topic);
    expect(flashing).toEqual(['orders']);
  });

  it('opens a partition list linked before the first poll: it says what it waits for, then shows the rows', async () => {
    act(() => {
      resetAllStores();
      applyClusterStatus(clusterStatus({ clusterKey: 'demo', profileName: 'demo', lastSuccessAt: null }));
      navigate({ tab: 'topics', partitions: 'offline' });
    });
    render(<App />);
    expect(screen.getByTestId('cluster-partitions')).toBeTruthy();
    expect(screen.getByTestId('no-snapshot').textContent).toContain('No snapshot of demo yet');
    expect(await screen.findByText('Waiting for the first poll…')).toBeTruthy();
    act(() => applySnapshot(demoSnapshot()));
    const rows = await screen.findAllByTestId('partition-row');
    expect(rows.map((r) => `${r.dataset.topic}/${r.dataset.partition}`)).toEqual(['payments/0']);
    expect(screen.queryByTestId('no-snapshot')).toBeNull();
  });
});
