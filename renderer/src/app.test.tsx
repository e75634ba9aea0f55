import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missing, ok } from '../../shared/fetched';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from '../../shared/synthetic-snapshot';
import { App } from './app';
import { setBackendConnection } from './state/backend-store';
import { applyClusterStatus } from './state/clusters-store';
import { fakeLayout } from './test/jsdom-layout';
import { clusterStatus, pushCluster, resetAllStores } from './test/store-fixtures';

const snapshot = clusterSnapshot({
  clusterKey: 'local',
  profileName: 'local sandbox',
  brokers: [brokerInfo(1, { rack: 'az-a' }), brokerInfo(2, { rack: 'az-b' }), brokerInfo(3, { rack: 'az-c', logDirs: missing('DescribeLogDirs: timeout') })],
  quorum: ok({
    leaderId: 2,
    leaderEpoch: 4,
    highWatermark: 200,
    voters: [
      { id: 1, logEndOffset: 200, lag: 0, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 },
      { id: 2, logEndOffset: 200, lag: 0, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 },
      { id: 3, logEndOffset: 180, lag: 20, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 },
    ],
    observers: [],
  }),
  topics: [
    topicInfo('orders', [partitionInfo(0, [1, 2, 3], { isr: [1, 2] }), partitionInfo(1, [2, 3, 1])], 2),
    topicInfo('payments', [partitionInfo(0, [3, 1, 2])], 2),
  ],
  brokerErrors: [{ brokerId: 3, operation: 'DescribeLogDirs', error: 'timeout' }],
});

describe('first page', () => {
  // The quorum voters are a virtualized table: without a layout jsdom would render none of its rows.
  beforeAll(() => fakeLayout());
  beforeEach(() => resetAllStores());
  afterEach(() => cleanup());

  it('shows brokers with racks, the controller, counts, health and poll status of the selected cluster', () => {
    act(() => pushCluster(snapshot));
    render(<App />);

    const rows = screen.getAllByTestId('broker-row');
    expect(rows.map((r) => r.dataset.brokerId)).toEqual(['1', '2', '3']);
    expect(rows.map((r) => within(r).getByTestId('broker-rack').textContent)).toEqual(['az-a', 'az-b', 'az-c']);
    expect(screen.getByTestId('active-controller').dataset.brokerId).toBe('2');
    expect(screen.getAllByTestId('quorum-voter').map((v) => v.dataset.lag)).toEqual(['0', '0', '20']);
    expect(screen.getByTestId('topic-count').textContent).toBe('2');
    expect(screen.getByTestId('partition-count').textContent).toBe('3');
    const codes = screen.getAllByTestId('health-reason').map((r) => r.dataset.code);
    expect(codes).toEqual(['UNDER_REPLICATED_PARTITIONS', 'INCOMPLETE_POLL']);
    expect(screen.getAllByTestId('health-reason')[0]?.textContent).toContain('Under-replicated partitions');
    expect(screen.getByTestId('cluster-state').dataset.state).toBe('ok');
    expect(screen.getByTestId('last-poll').textContent).toMatch(/\d\d:\d\d:\d\d/);
    expect(screen.queryByTestId('stale-marker')).toBeNull();
    expect(screen.getAllByTestId('broker-error').some((e) => e.textContent?.includes('DescribeLogDirs'))).toBe(true);
  });

  it('says stale when the last success is older than three poll intervals, and shows the last error', () => {
    act(() =>
      pushCluster(snapshot, {
        state: 'unreachable',
        lastSuccessAt: Date.now() - 60_000,
        intervalMs: 5000,
        lastError: '127.0.0.1:1 — connection refused',
        consecutiveFailures: 4,
      }),
    );
    render(<App />);
    expect(screen.getByTestId('stale-marker')).toBeTruthy();
    expect(screen.getByTestId('cluster-state').dataset.state).toBe('unreachable');
    expect(screen.getByTestId('last-error').textContent).toContain('unreachable: 127.0.0.1:1 — connection refused');
  });

  it('shows the error of a cluster that never answered, and a picker when several are configured', () => {
    act(() => {
      pushCluster(snapshot);
      applyClusterStatus(clusterStatus({ clusterKey: 'down', profileName: 'down', state: 'unreachable', lastSuccessAt: null, lastError: '127.0.0.1:1 — connection refused' }));
    });
    render(<App />);
    const picker = screen.getByTestId('cluster-picker') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['local', 'down']);
    act(() => {
      picker.value = 'down';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(screen.getByTestId('no-snapshot-error').textContent).toContain('connection refused');
  });

  it('says so while the app backend is unreachable', () => {
    act(() => setBackendConnection('disconnected', 'code 1006'));
    render(<App />);
    expect(screen.getByTestId('backend-disconnected').textContent).toContain('Disconnected from the app backend');
  });
});
