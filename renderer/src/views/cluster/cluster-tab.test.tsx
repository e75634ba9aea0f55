import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../shared/fetched';
import { brokerInfo } from '../../../../shared/synthetic-snapshot';
import { App } from '../../app';
import { useRouteStore } from '../../navigation/route-store';
import { setDeploymentThresholds, resetThresholdsStore } from '../../state/thresholds-store';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';

const verdicts = (): Record<string, string> =>
  Object.fromEntries(screen.getAllByTestId('deployment-rule').map((r) => [r.dataset.rule ?? '', r.dataset.verdict ?? '']));

describe('cluster tab', () => {
  beforeAll(() => fakeLayout());
  beforeEach(() => {
    resetAllStores();
    resetThresholdsStore();
  });
  afterEach(() => cleanup());

  it('counts live, fenced and missing brokers and checks the deployment rules', () => {
    act(() => pushCluster(demoSnapshot()));
    render(<App />);
    expect(screen.getByTestId('broker-count-live').textContent).toBe('3');
    expect(screen.getByTestId('broker-count-fenced').textContent).toBe('1');
    expect(screen.getByTestId('broker-count-missing').textContent).toBe('0');
    expect(screen.getByTestId('leader-count').textContent).toBe('4');
    expect(verdicts()).toMatchObject({
      'broker-count': 'pass',
      'partition-count': 'pass',
      'replica-distribution': 'not-judged',
      'rack-aware': 'fail',
      'preferred-leaders': 'pass',
    });
    const codes = screen.getAllByTestId('health-reason').map((r) => r.dataset.code);
    expect(codes).toContain('BROKERS_FENCED');
    expect(codes).toContain('OFFLINE_PARTITIONS');
  });

  it('lists the quorum voters with their lag, sorted by a header click and filtered like every table', () => {
    const voter = (id: number, logEndOffset: number) => ({ id, logEndOffset, lag: 500 - logEndOffset, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 });
    act(() =>
      pushCluster(
        demoSnapshot({
          quorum: ok({ leaderId: 2, leaderEpoch: 7, highWatermark: 480, voters: [voter(1, 430), voter(2, 500), voter(3, 490)], observers: [] }),
        }),
      ),
    );
    render(<App />);
    expect(screen.getByTestId('active-controller').dataset.brokerId).toBe('2');
    const table = screen.getByTestId('quorum-voters');
    const voters = (): string[] => within(table).getAllByTestId('quorum-voter').map((r) => r.dataset.voterId ?? '');
    expect(voters()).toEqual(['1', '2', '3']);
    expect(within(table).getAllByTestId('voter-lag').map((l) => l.textContent)).toEqual(['70', '0', '10']);

    const byLag = screen.getByTestId('col-lag');
    fireEvent.click(within(byLag).getByRole('button'));
    // Counts start descending: the voter furthest behind first.
    expect(voters()).toEqual(['1', '3', '2']);
    expect(byLag.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(byLag).getByRole('button'));
    expect(voters()).toEqual(['2', '3', '1']);
    expect(useRouteStore.getState().route.tables['quorum-voters']?.sort).toEqual({ id: 'lag', desc: false });

    // Three voters take three rows of room, not a screenful, and a filter does not move what is below.
    const scrollArea = within(table).getByRole('table');
    const fitted = scrollArea.style.height;
    expect(parseFloat(fitted)).toBeGreaterThanOrEqual(3 * 28);
    expect(parseFloat(fitted)).toBeLessThan(5 * 28);
    fireEvent.change(within(table).getByTestId('table-filter'), { target: { value: 'leader' } });
    expect(voters()).toEqual(['2']);
    expect(scrollArea.style.height).toBe(fitted);
  });

  it('draws each broker’s and each rack’s leaders and followers as bars that carry their counts', async () => {
    // A chart sizes itself from its container's box, which jsdom measures as 0 × 0: it would draw nothing.
    const measure = HTMLElement.prototype.getBoundingClientRect;
    const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('recharts-responsive-container') ? DOMRect.fromRect({ width: 400, height: 260 }) : measure.call(this);
    });
    try {
      act(() => pushCluster(demoSnapshot()));
      render(<App />);
      const stacks = async (chart: string): Promise<Record<string, string>> => {
        const bars = await within(screen.getByTestId(chart)).findAllByTestId('chart-bar');
        return Object.fromEntries(bars.map((bar) => [`${bar.dataset.category ?? ''} ${bar.dataset.series ?? ''}`, bar.dataset.value ?? '']));
      };
      // Broker 4 is fenced and holds only the offline partition's replica: no leader, one follower.
      expect(await stacks('chart-broker-load')).toEqual({
        '1 leaders': '2',
        '1 followers': '3',
        '2 leaders': '1',
        '2 followers': '2',
        '3 leaders': '1',
        '3 followers': '3',
        '4 leaders': '0',
        '4 followers': '1',
      });
      // Brokers 1 and 4 share az-a.
      expect(await stacks('chart-rack-load')).toEqual({
        'az-a leaders': '2',
        'az-a followers': '4',
        'az-b leaders': '1',
        'az-b followers': '2',
        'az-c leaders': '1',
        'az-c followers': '3',
      });
    } finally {
      box.mockRestore();
    }
  });

  it('lists the brokers in a table like every other: a header click sorts, the filter narrows, a row opens the broker', () => {
    act(() => pushCluster(demoSnapshot()));
    render(<App />);
    const summary = screen.getByTestId('broker-summary');
    const ids = (): string[] => within(summary).getAllByTestId('broker-row').map((r) => r.dataset.brokerId ?? '');
    expect(ids()).toEqual(['1', '2', '3', '4']);
    fireEvent.click(within(within(summary).getByTestId('col-status')).getByRole('button'));
    // Status sorts as text, ascending first: the fenced broker before the ok ones.
    expect(ids()[0]).toBe('4');
    expect(useRouteStore.getState().route.tables['broker-summary']?.sort).toEqual({ id: 'status', desc: false });
    fireEvent.change(within(summary).getByTestId('table-filter'), { target: { value: 'fenced' } });
    expect(ids()).toEqual(['4']);
    fireEvent.click(within(summary).getAllByTestId('broker-row')[0] as HTMLElement);
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'brokers', selected: '4' });
  });

  it('applies thresholds the user sets', () => {
    act(() => {
      pushCluster(demoSnapshot({ brokers: [1, 2, 3, 4, 5].map((id) => brokerInfo(id)) }));
      setDeploymentThresholds({ maxBrokers: 5 });
    });
    render(<App />);
    expect(verdicts()['broker-count']).toBe('fail');
  });
});
