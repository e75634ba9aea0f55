import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { brokerInfo } from '../../../../shared/synthetic-snapshot';
import { App } from '../../app';
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

  it('applies thresholds the user sets', () => {
    act(() => {
      pushCluster(demoSnapshot({ brokers: [1, 2, 3, 4, 5].map((id) => brokerInfo(id)) }));
      setDeploymentThresholds({ maxBrokers: 5 });
    });
    render(<App />);
    expect(verdicts()['broker-count']).toBe('fail');
  });
});
