import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/fetched';
import { App } from '../../app';
import { navigate, useRouteStore } from '../../navigation/route-store';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';

const ids = (): string[] => screen.getAllByTestId('broker-row').map((r) => r.dataset.brokerId ?? '');

describe('brokers tab', () => {
  beforeAll(() => fakeLayout());
  beforeEach(() => {
    resetAllStores();
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'brokers' });
    });
  });
  afterEach(() => cleanup());

  it('lists every broker with its status, and says unknown (with the reason) for disk it could not read', () => {
    render(<App />);
    expect(ids()).toEqual(['1', '2', '3', '4']);
    const rows = screen.getAllByTestId('broker-row');
    expect(rows.map((r) => r.dataset.status)).toEqual(['ok', 'ok', 'ok', 'fenced']);
    const disk = rows[1]?.querySelector('[data-col="disk"]');
    expect(disk?.textContent).toBe('unknown');
    expect(disk?.querySelector('[data-unknown]')?.getAttribute('title')).toContain('timed out');
  });

  it('sorts by a column when its header is clicked, and remembers it in the route', () => {
    render(<App />);
    const header = screen.getByTestId('col-outOfSync');
    fireEvent.click(within(header).getByRole('button'));
    // Numbers sort descending first: broker 3 hosts the most out-of-sync replicas.
    expect(ids()[0]).toBe('3');
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header).getByRole('button'));
    expect(ids()[0]).not.toBe('3');
    expect(useRouteStore.getState().route.tables.brokers?.sort).toEqual({ id: 'outOfSync', desc: false });

    fireEvent.click(within(screen.getByTestId('col-address')).getByRole('button'));
    expect(ids()).toEqual(['1', '2', '3', '4']);
  });

  it('filters as you type, by substring or /regex/, and reports a broken regex', () => {
    render(<App />);
    const filter = screen.getByTestId('table-filter');
    fireEvent.change(filter, { target: { value: 'fenced' } });
    expect(ids()).toEqual(['4']);
    fireEvent.change(filter, { target: { value: '/^kafka-[12]:/' } });
    expect(ids()).toEqual(['1', '2']);
    fireEvent.change(filter, { target: { value: '/kafka-(/' } });
    expect(screen.getByTestId('table-filter-error').textContent).toContain('Invalid regular expression');
    expect(ids()).toHaveLength(4);
  });

  it('shows the same sorted, filtered rows as cards', () => {
    render(<App />);
    fireEvent.change(screen.getByTestId('table-filter'), { target: { value: 'az-a' } });
    fireEvent.click(screen.getByTestId('view-mode-cards'));
    const cards = screen.getAllByTestId('broker-row');
    expect(cards.every((c) => c.dataset.card === 'true')).toBe(true);
    expect(ids()).toEqual(['1', '4']);
    expect(useRouteStore.getState().route.tables.brokers?.view).toBe('cards');
  });

  it('opens a broker with the partitions it leads and follows, by topic, and its log dirs', async () => {
    render(<App />);
    fireEvent.click(screen.getAllByTestId('broker-row')[0] as HTMLElement);
    expect(screen.getByTestId('broker-detail').dataset.brokerId).toBe('1');
    const groups = await screen.findAllByTestId('broker-topic-row');
    expect(groups.map((g) => g.dataset.topic)).toEqual(['orders', 'payments', 'audit']);
    expect(screen.getByTestId('log-dirs')).toBeTruthy();
    act(() => navigate({ selected: '2' }));
    expect(screen.getByTestId('log-dirs-unknown').textContent).toContain('unknown');
  });

  it('sorts and filters a broker’s log dirs, with volume sizes an older Kafka does not report shown as such and sorted last', () => {
    const dir = (path: string, replicaCount: number, usableBytes: number | null, error: string | null = null) => ({
      path,
      error,
      replicaCount,
      replicaBytes: replicaCount * 1000,
      usableBytes,
      totalBytes: usableBytes === null ? null : 10_000,
    });
    const demo = demoSnapshot();
    const brokers = demo.brokers.map((b) =>
      b.id === 1 ? { ...b, logDirs: ok([dir('/data/a', 4, 3_000), dir('/data/b', 0, null, 'KAFKA_STORAGE_ERROR'), dir('/data/c', 9, 7_000)]) } : b,
    );
    act(() => {
      pushCluster({ ...demo, takenAt: demo.takenAt + 1, brokers });
      navigate({ selected: '1' });
    });
    render(<App />);
    const logDirs = screen.getByTestId('log-dirs');
    const paths = (): string[] => within(logDirs).getAllByTestId('log-dir').map((r) => r.dataset.path ?? '');
    expect(paths()).toEqual(['/data/a', '/data/b', '/data/c']);
    const unreported = within(logDirs).getAllByTestId('log-dir')[1]?.querySelector('[data-col="usable"]');
    expect(unreported?.textContent).toBe('not reported');

    const byUsable = within(within(logDirs).getByTestId('col-usable')).getByRole('button');
    fireEvent.click(byUsable);
    expect(paths()).toEqual(['/data/c', '/data/a', '/data/b']);
    fireEvent.click(byUsable);
    // Unknown sizes stay last in both directions: they are not zero.
    expect(paths()).toEqual(['/data/a', '/data/c', '/data/b']);
    expect(useRouteStore.getState().route.tables['log-dirs']?.sort).toEqual({ id: 'usable', desc: false });

    fireEvent.click(within(within(logDirs).getByTestId('col-replicas')).getByRole('button'));
    expect(paths()).toEqual(['/data/c', '/data/a', '/data/b']);

    fireEvent.change(within(logDirs).getByTestId('table-filter'), { target: { value: 'storage' } });
    expect(paths()).toEqual(['/data/b']);
  });

  it('narrows to the brokers a health reason names', () => {
    act(() => navigate({ brokers: [2, 4] }));
    render(<App />);
    expect(ids()).toEqual(['2', '4']);
    fireEvent.click(screen.getByTestId('scope-clear'));
    expect(ids()).toHaveLength(4);
  });
});
