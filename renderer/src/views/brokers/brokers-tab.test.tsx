import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

  it('narrows to the brokers a health reason names', () => {
    act(() => navigate({ brokers: [2, 4] }));
    render(<App />);
    expect(ids()).toEqual(['2', '4']);
    fireEvent.click(screen.getByTestId('scope-clear'));
    expect(ids()).toHaveLength(4);
  });
});
