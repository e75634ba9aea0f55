/**
 * Loss accounting against a real cluster: the reader is held back on purpose, the messages it has
 * not read yet are deleted with Kafka's own kafka-delete-records, and the prober must count exactly
 * those as lost, no more, no fewer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parseProfiles } from '../../shared/cluster-profile';
import { runKafkaTool } from '../../sandbox/kraft-cluster.js';
import { KafkaHeartbeatClient } from '../kafka/heartbeat-client';
import { HeartbeatProber } from './heartbeat-prober';

const bootstrap = inject('bootstrap');
const cluster = inject('clusterName');
const TOPIC = 'brokerscope-heartbeat-loss';
const LOST_AFTER_MS = 4_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(value: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = value();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('heartbeat loss accounting on a real cluster', () => {
  const [profile] = parseProfiles({ clusters: [{ name: 'loss', bootstrap }] }, 'test');
  if (profile === undefined) throw new Error('no profile');
  const client = new KafkaHeartbeatClient(profile);
  const prober = new HeartbeatProber(client, {
    topic: TOPIC,
    intervalMs: 500,
    sendTimeoutMs: 5_000,
    ledger: { lostAfterMs: LOST_AFTER_MS, lateAfterMs: 2_000, rememberedSeqs: 512 },
  });
  const workDir = mkdtempSync(join(tmpdir(), 'brokerscope-loss-'));

  afterAll(async () => {
    await prober.stop();
    await client.deleteTopic(TOPIC).catch(() => undefined);
    await client.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('counts as lost exactly the acknowledged messages deleted before the reader got to them', async () => {
    prober.start();
    const statsOf = (id: number) => prober.stats().find((s) => s.brokerId === id);
    const leader = await until(
      () => {
        const stats = prober.stats();
        const ready = stats.length === 3 && stats.every((s) => s.total.received >= 3);
        return ready ? stats.find((s) => s.partitions.includes(0))?.brokerId : undefined;
      },
      90_000,
      'the heartbeat to run on every broker',
    );

    // Hold the reader back and let it settle: the fetch in flight when paused may still deliver.
    prober.pauseReading();
    let position = prober.readPosition(0);
    await until(
      () => {
        const now = prober.readPosition(0);
        const stable = now === position;
        position = now;
        return stable ? true : undefined;
      },
      10_000,
      'the reader to stop',
    );
    await sleep(2_500);
    const from = prober.readPosition(0) ?? -1;
    expect(from).toBeGreaterThanOrEqual(0);

    // Four seconds of heartbeats written and acknowledged, not read; then wait for the send in flight.
    await sleep(4_000);
    await until(() => (statsOf(leader)?.inFlight === 0 ? true : undefined), 10_000, 'no send in flight');
    const end = (await client.endOffsets(TOPIC, [0])).get(0) ?? -1;
    const expectedLost = end - from;
    expect(expectedLost).toBeGreaterThanOrEqual(5);

    const offsets = join(workDir, 'offsets.json');
    writeFileSync(offsets, JSON.stringify({ version: 1, partitions: [{ topic: TOPIC, partition: 0, offset: end }] }));
    const deleted = await runKafkaTool('delete-records', ['--bootstrap-server', bootstrap, '--offset-json-file', offsets], { cluster });
    expect(deleted.code, deleted.stderr).toBe(0);
    prober.resumeReading();

    // The reader jumps over the deleted range; the next heartbeat it reads shows the gap at once,
    // and the deadline would catch any that trailed.
    await sleep(LOST_AFTER_MS + 3_000);
    const stats = statsOf(leader);
    expect(stats?.total.lost).toBe(expectedLost);
    expect(stats?.total.duplicated).toBe(0);
    const total = stats?.total;
    const accounted = (total?.received ?? 0) + (total?.lost ?? 0);
    // Never more read or lost than was sent and not refused. A message can be read before its ack
    // comes back (the ledger's readBeforeAck), so this may exceed the acks so far, by those in flight.
    expect(accounted).toBeLessThanOrEqual((total?.attempted ?? 0) - (total?.failed ?? 0));
    expect((total?.acknowledged ?? 0) - accounted).toBeLessThanOrEqual(2); // at most the newest, still on their way to the reader
    for (const other of prober.stats().filter((s) => s.brokerId !== leader)) expect(other.total.lost).toBe(0);
    console.log(`[loss] partition 0 on broker ${leader}: deleted offsets ${from}..${end - 1}, lost ${stats?.total.lost} of ${stats?.total.acknowledged} acknowledged`);
  });
});
