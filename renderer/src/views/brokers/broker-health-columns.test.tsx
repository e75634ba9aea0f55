import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../app';
import { navigate } from '../../navigation/route-store';
import { applyBrokerHealth } from '../../state/broker-health-store';
import { demoBrokerHealth, DOWN_SINCE, healthRow, heartbeatStats } from '../../test/demo-broker-health';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';
import { formatClock } from '../../format/units';

const ids = (): string[] => screen.getAllByTestId('broker-row').map((r) => r.dataset.brokerId ?? '');
const rowOf = (id: number): HTMLElement => {
  const row = screen.getAllByTestId('broker-row').find((r) => r.dataset.brokerId === String(id));
  if (row === undefined) throw new Error(`no row for broker ${id}`);
  return row;
};

describe('brokers tab: liveness, latency and heartbeat columns', () => {
  beforeAll(() => fakeLayout(3000, 800));
  beforeEach(() => {
    resetAllStores();
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'brokers' });
    });
  });
  afterEach(() => cleanup());

  it('says unknown, never 0, before any health report', () => {
    render(<App />);
    const row = rowOf(1);
    expect(within(row).getByTestId('broker-liveness').dataset.status).toBe('unknown');
    expect(within(row).getByTestId('broker-latency-last').textContent).toBe('—');
    expect(within(row).getByTestId('broker-latency-p99').textContent).toBe('—');
  });

  it('shows request latency per broker and sorts by it, unknown values last', () => {
    act(() => applyBrokerHealth(demoBrokerHealth()));
    render(<App />);
    expect(within(rowOf(1)).getByTestId('broker-latency-last').textContent).toBe('2.0 ms');
    expect(within(rowOf(2)).getByTestId('broker-latency-p99').textContent).toBe('90 ms');
    // Broker 4 answered nothing in the window: unknown, not zero.
    expect(within(rowOf(4)).getByTestId('broker-latency-last').textContent).toBe('unknown');
    expect(within(rowOf(4)).getByTestId('broker-latency-p99').textContent).toBe('unknown');

    const header = screen.getByTestId('col-rttP99');
    fireEvent.click(within(header).getByRole('button'));
    expect(ids()).toEqual(['2', '3', '1', '4']);
    fireEvent.click(within(header).getByRole('button'));
    expect(ids()).toEqual(['1', '3', '2', '4']);
  });

  it('shows an offline broker as offline with since when, and flags outliers', () => {
    act(() => applyBrokerHealth(demoBrokerHealth()));
    render(<App />);
    const liveness = within(rowOf(4)).getByTestId('broker-liveness');
    expect(liveness.dataset.status).toBe('offline');
    expect(liveness.textContent).toContain(`since ${formatClock(DOWN_SINCE)}`);
    expect(within(rowOf(1)).getByTestId('broker-liveness').dataset.status).toBe('healthy');
    expect(within(rowOf(1)).queryByTestId('broker-liveness-since')).toBeNull();
    expect(within(rowOf(2)).getByTestId('broker-outlier').dataset.kind).toBe('slow-requests');
    expect(within(rowOf(1)).queryByTestId('broker-outlier')).toBeNull();

    fireEvent.click(within(screen.getByTestId('col-liveness')).getByRole('button'));
    expect(ids()[0]).toBe('4');
  });

  it('shows heartbeat figures while the heartbeat runs, and — while it is off', () => {
    act(() =>
      applyBrokerHealth(
        demoBrokerHealth({
          brokers: [
            healthRow(1, { heartbeat: heartbeatStats(1, { availability: 0.5, window: { attempted: 4, acknowledged: 2, failed: 2, received: 2, lost: 2, late: 1, duplicated: 0 } }) }),
            healthRow(2),
          ],
        }),
      ),
    );
    render(<App />);
    expect(within(rowOf(1)).getByTestId('broker-availability').textContent).toBe('50.0 %');
    expect(within(rowOf(1)).getByTestId('broker-heartbeat-ack-p50').textContent).toBe('5.0 ms');
    expect(within(rowOf(1)).getByTestId('broker-heartbeat-lost').textContent).toBe('2');
    expect(within(rowOf(2)).getByTestId('broker-heartbeat-ack-p50').textContent).toBe('—');
    expect(within(rowOf(2)).queryByTestId('broker-availability')).toBeNull();
  });

  it('shows liveness and latency in the broker detail', () => {
    act(() => {
      applyBrokerHealth(demoBrokerHealth());
      navigate({ selected: '4' });
    });
    render(<App />);
    const facts = screen.getByTestId('broker-health-facts');
    expect(within(facts).getByTestId('broker-liveness').dataset.status).toBe('offline');
    expect(facts.textContent).toContain('unknown last');
    expect(facts.textContent).toContain('12/12 failed');
  });

  it('shows liveness and latency on the cards too', () => {
    act(() => applyBrokerHealth(demoBrokerHealth()));
    render(<App />);
    fireEvent.click(screen.getByTestId('view-mode-cards'));
    const card = rowOf(4);
    expect(within(card).getByTestId('broker-liveness').dataset.status).toBe('offline');
    expect(within(card).getByTestId('broker-latency-last').textContent).toBe('unknown');
    expect(within(card).getByTestId('broker-latency-p99').textContent).toBe('unknown');
    expect(within(rowOf(1)).getByTestId('broker-latency-p99').textContent).toBe('5.0 ms');
    expect(within(rowOf(2)).getByTestId('broker-outlier').dataset.kind).toBe('slow-requests');
  });
});
