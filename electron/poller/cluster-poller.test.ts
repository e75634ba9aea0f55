import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import type { ClusterStatus } from '../../shared/cluster-status';
import { clusterSnapshot } from '../../shared/synthetic-snapshot';
import { backoffDelay } from './backoff';
import { ClusterPoller } from './cluster-poller';
import { FakeClock } from './fake-clock';

function harness(pollOnce: () => Promise<ClusterSnapshot>) {
  const clock = new FakeClock();
  const snapshots: ClusterSnapshot[] = [];
  const statuses: ClusterStatus[] = [];
  const poller = new ClusterPoller(
    pollOnce,
    { onSnapshot: (s) => snapshots.push(s), onStatus: (s) => statuses.push(s) },
    {
      clusterKey: 'k',
      profileName: 'prod',
      bootstrap: ['127.0.0.1:9092'],
      intervalMs: 5_000,
      backoff: { initialMs: 1_000, maxMs: 8_000, factor: 2, jitter: 0 },
      clock,
      random: () => 0.5,
    },
  );
  return { clock, snapshots, statuses, poller };
}

describe('ClusterPoller', () => {
  it('polls at once, then every interval', async () => {
    const { clock, snapshots, poller } = harness(async () => clusterSnapshot());
    poller.start();
    await clock.advance(0);
    expect(snapshots).toHaveLength(1);
    await clock.advance(4_999);
    expect(snapshots).toHaveLength(1);
    await clock.advance(1);
    expect(snapshots).toHaveLength(2);
    await poller.stop();
  });

  it('refuses to start twice', () => {
    const { poller } = harness(async () => clusterSnapshot());
    poller.start();
    expect(() => poller.start()).toThrow(/already running/);
  });

  it('never overlaps its own cycles when a poll is slower than the interval', async () => {
    let active = 0;
    let maxActive = 0;
    const { clock, poller } = harness(
      () =>
        new Promise((resolve) => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          clock.setTimeout(() => {
            active -= 1;
            resolve(clusterSnapshot());
          }, 12_000);
        }),
    );
    poller.start();
    await clock.advance(60_000);
    expect(maxActive).toBe(1);
    // stop waits for the cycle in flight, which ends only when its slow request does.
    const stopped = poller.stop();
    await clock.advance(12_000);
    await stopped;
  });

  it('backs off exponentially while unreachable, keeps the error, and recovers', async () => {
    let fail = true;
    const { clock, statuses, snapshots, poller } = harness(async () => {
      if (fail) throw new Error('127.0.0.1:1: connection refused');
      return clusterSnapshot();
    });
    poller.start();
    await clock.advance(0);
    expect(poller.currentStatus).toMatchObject({ state: 'unreachable', consecutiveFailures: 1, lastError: '127.0.0.1:1: connection refused' });
    expect(clock.pendingDelays).toEqual([1_000]);
    await clock.advance(1_000);
    expect(clock.pendingDelays).toEqual([2_000]);
    await clock.advance(2_000);
    await clock.advance(4_000);
    await clock.advance(8_000);
    expect(clock.pendingDelays).toEqual([8_000]);
    fail = false;
    await clock.advance(8_000);
    expect(snapshots).toHaveLength(1);
    expect(poller.currentStatus).toMatchObject({ state: 'ok', consecutiveFailures: 0, lastError: null });
    expect(clock.pendingDelays).toEqual([5_000]);
    expect(statuses.some((s) => s.state === 'connecting')).toBe(true);
    await poller.stop();
  });

  it('pushes nothing after stop', async () => {
    const { clock, snapshots, poller } = harness(async () => clusterSnapshot());
    poller.start();
    await clock.advance(0);
    await poller.stop();
    await clock.advance(60_000);
    expect(snapshots).toHaveLength(1);
    expect(poller.currentStatus.state).toBe('stopped');
  });
});

describe('backoffDelay', () => {
  it('spreads delays by the jitter and caps them', () => {
    const options = { initialMs: 1_000, maxMs: 10_000, factor: 2, jitter: 0.2 };
    expect(backoffDelay(1, options, () => 0)).toBe(800);
    expect(backoffDelay(1, options, () => 1)).toBe(1_200);
    expect(backoffDelay(10, options, () => 0.5)).toBe(10_000);
  });
});
