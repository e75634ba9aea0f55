import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterSnapshot, partitionInfo, topicInfo } from '../../../shared/synthetic-snapshot';
import { App } from '../app';
import { useRouteStore } from '../navigation/route-store';
import { useClustersStore } from '../state/clusters-store';
import { fakeLayout } from '../test/jsdom-layout';
import { pushCluster, resetAllStores } from '../test/store-fixtures';

describe('jump box', () => {
  beforeEach(() => {
    fakeLayout();
    resetAllStores();
    act(() => {
      pushCluster(clusterSnapshot({ clusterKey: 'eu', profileName: 'eu', topics: [topicInfo('orders', [partitionInfo(0, [1])])] }));
      pushCluster(clusterSnapshot({ clusterKey: 'us', profileName: 'us', topics: [topicInfo('orders-us', [partitionInfo(0, [1])]), topicInfo('payments', [partitionInfo(0, [2])])] }));
    });
  });
  afterEach(() => cleanup());

  it('opens on Ctrl+K and finds topics across clusters', () => {
    render(<App />);
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(screen.getByTestId('jump-input'), { target: { value: 'orders' } });
    const results = screen.getAllByTestId('jump-result');
    expect(results.map((r) => `${r.dataset.cluster}:${r.dataset.id}`)).toEqual(['eu:orders', 'us:orders-us']);
  });

  it('jumps to the chosen topic, switching cluster', () => {
    render(<App />);
    fireEvent.keyDown(window, { key: 'k', metaKey: true });
    const input = screen.getByTestId('jump-input');
    fireEvent.change(input, { target: { value: '/^pay/' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useClustersStore.getState().selectedClusterKey).toBe('us');
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'topics', selected: 'payments' });
    expect(screen.queryByTestId('jump-box')).toBeNull();
    expect(screen.getByTestId('topic-detail').dataset.topic).toBe('payments');
  });

  it('finds brokers by id and says so when a regex is broken', () => {
    render(<App />);
    fireEvent.click(screen.getByTestId('jump-open'));
    fireEvent.change(screen.getByTestId('jump-input'), { target: { value: 'broker 2' } });
    expect(screen.getAllByTestId('jump-result').every((r) => r.dataset.kind === 'broker' && r.dataset.id === '2')).toBe(true);
    fireEvent.change(screen.getByTestId('jump-input'), { target: { value: '/(/' } });
    expect(screen.getByRole('alert').textContent).toContain('Invalid regular expression');
  });

  it('finds a broker by the instance id, zone or instance type it resolved to, and a broker that is missing', () => {
    act(() =>
      pushCluster(
        clusterSnapshot({
          clusterKey: 'ap',
          profileName: 'ap',
          topics: [topicInfo('trades', [partitionInfo(0, [1, 9])])],
          instances: [
            { brokerId: 1, instanceId: 'i-0fff001', zone: 'ap-south-1a', instanceType: null, source: 'static' },
            { brokerId: 2, instanceId: 'i-0abc123', zone: 'ap-south-1b', instanceType: 'r7g.2xlarge', source: 'static' },
          ],
        }),
      ),
    );
    render(<App />);
    fireEvent.click(screen.getByTestId('jump-open'));
    const input = screen.getByTestId('jump-input');
    fireEvent.change(input, { target: { value: 'i-0abc' } });
    expect(screen.getAllByTestId('jump-result').map((r) => `${r.dataset.cluster}:${r.dataset.kind}:${r.dataset.id}`)).toEqual(['ap:broker:2']);
    fireEvent.change(input, { target: { value: 'south-1b' } });
    expect(screen.getAllByTestId('jump-result').map((r) => r.dataset.id)).toEqual(['2']);
    fireEvent.change(input, { target: { value: 'r7g.2xlarge' } });
    expect(screen.getAllByTestId('jump-result').map((r) => `${r.dataset.cluster}:${r.dataset.id}`)).toEqual(['ap:2']);
    expect(screen.getByTestId('jump-result').textContent).toContain('r7g.2xlarge');
    fireEvent.change(input, { target: { value: 'not registered' } });
    expect(screen.getAllByTestId('jump-result').map((r) => `${r.dataset.cluster}:${r.dataset.id}`)).toEqual(['ap:9']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'brokers', selected: '9' });
  });
});
