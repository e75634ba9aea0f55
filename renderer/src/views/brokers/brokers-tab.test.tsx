import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../shared/fetched';
import type { BrokerInstanceInfo } from '../../../../shared/instance-mapping';
import { App } from '../../app';
import { navigate, useRouteStore } from '../../navigation/route-store';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';

// The CSV export hands its text to the browser's download; the test reads the text instead.
const downloads = vi.hoisted(() => [] as { fileName: string; text: string }[]);
vi.mock('../../table/download', () => ({ downloadText: (fileName: string, text: string) => downloads.push({ fileName, text }) }));

const ids = (): string[] => screen.getAllByTestId('broker-row').map((r) => r.dataset.brokerId ?? '');
const column = (id: string): string[] => screen.getAllByTestId('broker-row').map((r) => r.querySelector(`[data-col="${id}"]`)?.textContent ?? '');

/** One broker per resolver of the chain, one with no type, and broker 4 that nothing resolved. */
const INSTANCES: BrokerInstanceInfo[] = [
  { brokerId: 1, instanceId: 'i-0a1', zone: 'eu-west-1a', instanceType: 'm7g.xlarge', source: 'static' },
  { brokerId: 2, instanceId: 'i-0b2', zone: 'eu-west-1b', instanceType: null, source: 'host-pattern' },
  { brokerId: 3, instanceId: 'i-0c3', zone: null, instanceType: 'r7g.large', source: 'reverse-dns' },
];

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

  describe('with an instance resolver', () => {
    beforeEach(() => {
      act(() => pushCluster(demoSnapshot({ takenAt: 2_000, instances: INSTANCES })));
    });

    it('shows each broker’s instance type, empty where none is known, and sorts, filters and exports by it', () => {
      render(<App />);
      expect(column('instanceType')).toEqual(['m7g.xlarge', '', 'r7g.large', '']);

      fireEvent.click(within(screen.getByTestId('col-instanceType')).getByRole('button'));
      expect(ids()).toEqual(['1', '3', '2', '4']);
      fireEvent.click(within(screen.getByTestId('col-instanceType')).getByRole('button'));
      expect(ids().slice(0, 2)).toEqual(['3', '1']);

      fireEvent.change(screen.getByTestId('table-filter'), { target: { value: 'r7g' } });
      expect(ids()).toEqual(['3']);
      fireEvent.change(screen.getByTestId('table-filter'), { target: { value: '/\\.(x|2x)?large$/' } });
      expect(ids()).toEqual(['3', '1']);

      downloads.length = 0;
      fireEvent.click(screen.getByTestId('export-csv'));
      const [header, ...lines] = (downloads[0]?.text ?? '').trim().split('\r\n').map((line) => line.split(','));
      const at = header?.indexOf('instance type') ?? -1;
      expect(at).toBeGreaterThan(-1);
      expect(lines.map((cells) => [cells[0], cells[at]])).toEqual([
        ['3', 'r7g.large'],
        ['1', 'm7g.xlarge'],
      ]);
    });

    it('shows the instance type on each card, and says unknown rather than guess one', () => {
      render(<App />);
      fireEvent.click(screen.getByTestId('view-mode-cards'));
      const types = screen.getAllByTestId('broker-row').map((card) => card.querySelector<HTMLElement>('[data-testid="broker-instance-type"]'));
      expect(types.map((t) => t?.dataset.instanceType ?? null)).toEqual(['m7g.xlarge', '', 'r7g.large', null]);
      expect(types[1]?.textContent).toBe('unknown');
    });

    it('says in the detail which resolver named the instance, and that none did for a broker it could not resolve', () => {
      render(<App />);
      const facts = (): Record<string, string | null> => ({
        instance: screen.getByTestId('broker-instance').textContent,
        type: screen.queryByTestId('broker-instance-type')?.textContent ?? null,
        source: screen.queryByTestId('broker-instance-source')?.textContent ?? null,
      });
      act(() => navigate({ selected: '1' }));
      expect(facts()).toEqual({ instance: 'i-0a1 / eu-west-1a', type: 'm7g.xlarge', source: 'from the mapping file' });
      act(() => navigate({ selected: '2' }));
      expect(facts()).toEqual({ instance: 'i-0b2 / eu-west-1b', type: 'unknown', source: 'from the host name' });
      act(() => navigate({ selected: '3' }));
      expect(facts()).toEqual({ instance: 'i-0c3 / ?', type: 'r7g.large', source: 'from reverse DNS' });
      act(() => navigate({ selected: '4' }));
      expect(facts()).toEqual({ instance: 'not resolved: no resolver in the chain answered', type: null, source: null });
    });
  });

  it('makes room on the cards for the instance lines once a resolver answers, without cards overlapping', () => {
    fakeLayout(600); // two cards a line, so there is a second line to move
    try {
      render(<App />);
      fireEvent.click(screen.getByTestId('view-mode-cards'));
      const lines = (): { top: number; height: number }[] =>
        Array.from(document.querySelectorAll<HTMLElement>('.dt-card-line'), (l) => ({ top: Number(/translateY\((\d+)px\)/.exec(l.style.transform)?.[1]), height: parseFloat(l.style.height) }));
      const before = lines();
      act(() => pushCluster(demoSnapshot({ takenAt: 2_000, instances: INSTANCES })));
      const after = lines();
      expect(after).toHaveLength(2);
      expect(after[0]?.height).toBeGreaterThan(before[0]?.height ?? Infinity);
      expect(after.map((l) => l.top)).toEqual([0, after[0]?.height]);
    } finally {
      fakeLayout();
    }
  });

  it('says so in the detail when no instance resolver is configured', () => {
    render(<App />);
    act(() => navigate({ selected: '1' }));
    expect(screen.getByTestId('broker-instance').textContent).toBe('no instance resolver');
    expect(screen.queryByTestId('broker-instance-type')).toBeNull();
  });
});
