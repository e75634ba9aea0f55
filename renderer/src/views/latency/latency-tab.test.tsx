import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setCurrentApi } from '../../api/current-api';
import { App } from '../../app';
import { navigate, useRouteStore } from '../../navigation/route-store';
import { formatRoute, parseRoute } from '../../navigation/view-route';
import { applyBrokerHealth, applyHeartbeatStatus } from '../../state/broker-health-store';
import { demoBrokerHealth, heartbeatStatus, point } from '../../test/demo-broker-health';
import { demoSnapshot } from '../../test/demo-snapshot';
import { fakeApi } from '../../test/fake-api';
import { fakeLayout } from '../../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../../test/store-fixtures';

const COVERAGE_GAP = { replicationFactor: 3, uncoveredBrokers: [3], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: true };

describe('latency tab', () => {
  beforeAll(() => fakeLayout());
  beforeEach(() => {
    resetAllStores();
    act(() => {
      pushCluster(demoSnapshot());
      navigate({ tab: 'latency' });
    });
  });
  afterEach(() => cleanup());

  it('is reachable from the tab bar and the URL route', () => {
    act(() => navigate({ tab: 'cluster' }));
    render(<App />);
    fireEvent.click(screen.getByTestId('tab-latency'));
    expect(screen.getByTestId('latency-tab')).toBeTruthy();
    expect(formatRoute(useRouteStore.getState().route)).toBe('#/latency');
    expect(parseRoute('#/latency').tab).toBe('latency');
  });

  it('loads every broker when the pushed series was truncated, and goes back to live', async () => {
    const fake = fakeApi({
      getLatencyHistory: (p) =>
        Promise.resolve({ clusterKey: p.clusterKey, historyMs: 600_000, series: [1, 2, 3, 4, 5].map((brokerId) => ({ brokerId, points: [point(100, brokerId)] })) }),
    });
    act(() => {
      setCurrentApi(fake.api);
      applyBrokerHealth(demoBrokerHealth({ seriesTruncated: true }));
    });
    render(<App />);
    expect(screen.getByTestId('latency-chart').dataset.brokers).toBe('1,2,4');
    await act(async () => {
      fireEvent.click(screen.getByTestId('latency-load-all'));
      await Promise.resolve();
    });
    expect(fake.calls).toEqual([{ name: 'getLatencyHistory', params: { clusterKey: 'demo' } }]);
    expect(screen.getByTestId('latency-chart').dataset.brokers).toBe('1,2,3,4,5');
    fireEvent.click(screen.getByTestId('latency-back-to-live'));
    expect(screen.getByTestId('latency-chart').dataset.brokers).toBe('1,2,4');
  });

  it('draws the request chart, marks outliers, and leaves the heartbeat chart off while the heartbeat is', () => {
    act(() => applyBrokerHealth(demoBrokerHealth()));
    render(<App />);
    const chart = screen.getByTestId('latency-chart');
    expect(chart.dataset.brokers).toBe('1,2,4');
    expect(chart.dataset.points).toBe('3');
    expect(screen.getAllByTestId('latency-outlier').map((o) => o.dataset.brokerId)).toEqual(['2']);
    expect(screen.queryByTestId('heartbeat-chart')).toBeNull();
    expect(screen.getByTestId('heartbeat-chart-off')).toBeTruthy();
  });

  it('renders an availability cell per broker and point, with its state', () => {
    act(() =>
      applyBrokerHealth(
        demoBrokerHealth({
          series: [
            { brokerId: 1, points: [point(100, 2, { heartbeatAvailability: 1, heartbeatAckMs: 4 }), point(200, 3, { heartbeatAvailability: 0.5, heartbeatAckMs: 9 })] },
            { brokerId: 4, points: [point(100, 5), point(200, null, { requestTimedOut: true })] },
          ],
        }),
      ),
    );
    render(<App />);
    const strip = screen.getByTestId('availability-strip');
    const cells = within(strip).getAllByTestId('availability-cell');
    expect(cells).toHaveLength(4);
    expect(cells.map((c) => `${c.dataset.brokerId}:${c.dataset.state}`)).toEqual(['1:up', '1:degraded', '4:up', '4:timeout']);
    // Not colour alone: the timed-out cell carries a glyph and says what happened.
    expect(cells[3]?.textContent).not.toBe('');
    expect(cells[3]?.getAttribute('title')).toContain('request timed out');
    expect(screen.getByTestId('heartbeat-chart')).toBeTruthy();
  });

  it('asks for confirmation, naming the topic, before turning the heartbeat on', async () => {
    const fake = fakeApi({ setHeartbeat: (p) => Promise.resolve(heartbeatStatus({ enabled: p.enabled, state: 'starting', since: 5_000 })) });
    act(() => {
      setCurrentApi(fake.api);
      applyBrokerHealth(demoBrokerHealth());
    });
    render(<App />);
    const toggle = screen.getByTestId('heartbeat-toggle');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(fake.calls).toHaveLength(0);
    const confirm = screen.getByTestId('heartbeat-confirm');
    expect(confirm.textContent).toContain('__brokerscope_heartbeat');

    fireEvent.click(within(confirm).getByTestId('heartbeat-confirm-cancel'));
    expect(screen.queryByTestId('heartbeat-confirm')).toBeNull();
    expect(fake.calls).toHaveLength(0);

    fireEvent.click(screen.getByTestId('heartbeat-toggle'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('heartbeat-confirm-yes'));
      await Promise.resolve();
    });
    expect(fake.calls).toEqual([{ name: 'setHeartbeat', params: { clusterKey: 'demo', enabled: true, topic: '__brokerscope_heartbeat' } }]);
    expect(screen.queryByTestId('heartbeat-confirm')).toBeNull();
    expect(screen.getByTestId('heartbeat-state').dataset.state).toBe('starting');
    expect(screen.getByTestId('heartbeat-toggle').getAttribute('aria-checked')).toBe('true');
  });

  it('turns the heartbeat off without asking, and shows a failed request inline', async () => {
    const fake = fakeApi({ setHeartbeat: () => Promise.reject(new Error('controller unreachable')) });
    act(() => {
      setCurrentApi(fake.api);
      applyHeartbeatStatus(heartbeatStatus({ enabled: true, state: 'running', topicExists: true }));
    });
    render(<App />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('heartbeat-toggle'));
      await Promise.resolve();
    });
    expect(fake.calls.map((c) => c.params)).toEqual([{ clusterKey: 'demo', enabled: false, topic: '__brokerscope_heartbeat' }]);
    expect(screen.getByTestId('heartbeat-request-error').textContent).toContain('controller unreachable');
  });

  it('names uncovered brokers and fixes coverage only after confirmation', async () => {
    const running = heartbeatStatus({ enabled: true, state: 'running', topicExists: true, coverage: COVERAGE_GAP });
    const fake = fakeApi({
      fixHeartbeatCoverage: () =>
        Promise.resolve({ plan: { createPartitions: [[3, 1, 2]], reassign: [], electPreferred: [] }, status: { ...running, coverage: { ...COVERAGE_GAP, uncoveredBrokers: [], fixNeeded: false } } }),
    });
    act(() => {
      setCurrentApi(fake.api);
      applyHeartbeatStatus(running);
    });
    render(<App />);
    expect(screen.getByTestId('heartbeat-uncovered').textContent).toContain('broker 3');
    expect(screen.queryByTestId('heartbeat-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('heartbeat-fix'));
    expect(fake.calls).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId('heartbeat-fix-confirm-yes'));
      await Promise.resolve();
    });
    expect(fake.calls).toEqual([{ name: 'fixHeartbeatCoverage', params: { clusterKey: 'demo', confirm: true } }]);
    expect(screen.getByTestId('heartbeat-result').textContent).toContain('added 1 partitions');
    expect(screen.queryByTestId('heartbeat-fix')).toBeNull();
  });

  it('deletes the topic only once its name is typed', async () => {
    const fake = fakeApi({ deleteHeartbeatTopic: (p) => Promise.resolve({ clusterKey: p.clusterKey, topic: p.topic, deleted: true }) });
    act(() => {
      setCurrentApi(fake.api);
      applyHeartbeatStatus(heartbeatStatus({ topicExists: true }));
    });
    render(<App />);
    fireEvent.click(screen.getByTestId('heartbeat-delete'));
    const yes = screen.getByTestId('heartbeat-delete-confirm-yes') as HTMLButtonElement;
    expect(yes.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('heartbeat-delete-input'), { target: { value: '__brokerscope' } });
    expect(yes.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('heartbeat-delete-input'), { target: { value: '__brokerscope_heartbeat' } });
    expect(yes.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(yes);
      await Promise.resolve();
    });
    expect(fake.calls).toEqual([
      { name: 'deleteHeartbeatTopic', params: { clusterKey: 'demo', topic: '__brokerscope_heartbeat', confirmTopic: '__brokerscope_heartbeat' } },
    ]);
    expect(screen.getByTestId('heartbeat-result').textContent).toContain('Deleted');
  });
});
