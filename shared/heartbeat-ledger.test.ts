import { describe, expect, it } from 'vitest';
import {
  applyHeartbeatEvent,
  DEFAULT_HEARTBEAT_LEDGER_OPTIONS,
  EMPTY_HEARTBEAT_LEDGER,
  type HeartbeatEvent,
  type HeartbeatLedger,
  type HeartbeatOutcome,
} from './heartbeat-ledger';
import { decodeHeartbeatMessage, encodeHeartbeatMessage } from './heartbeat-message';

const options = { ...DEFAULT_HEARTBEAT_LEDGER_OPTIONS, lostAfterMs: 10_000, lateAfterMs: 2_000 };

function run(events: readonly HeartbeatEvent[]): { ledger: HeartbeatLedger; outcomes: HeartbeatOutcome[] } {
  let ledger = EMPTY_HEARTBEAT_LEDGER;
  const outcomes: HeartbeatOutcome[] = [];
  for (const event of events) {
    const step = applyHeartbeatEvent(ledger, event, options);
    ledger = step.ledger;
    outcomes.push(...step.outcomes);
  }
  return { ledger, outcomes };
}

/** One message per second: sent, acknowledged 5 ms later, read back 8 ms after sending unless skipped. */
function steadyTraffic(count: number, skip: ReadonlySet<number> = new Set(), brokerId = 1): HeartbeatEvent[] {
  const events: HeartbeatEvent[] = [];
  for (let seq = 0; seq < count; seq += 1) {
    const at = seq * 1_000;
    events.push({ kind: 'sent', seq, at, brokerId }, { kind: 'acknowledged', seq, at: at + 5 });
    if (!skip.has(seq)) events.push({ kind: 'received', seq, sentAt: at, at: at + 8 });
  }
  return events;
}

describe('heartbeat ledger', () => {
  it('counts a clean run with latencies attributed to the leader it was sent to', () => {
    const { ledger, outcomes } = run(steadyTraffic(5, new Set(), 3));
    expect(ledger.counts).toEqual({ attempted: 5, acknowledged: 5, failed: 0, received: 5, lost: 0, late: 0, duplicated: 0 });
    expect(ledger.pending).toEqual([]);
    expect(outcomes.filter((o) => o.kind === 'acknowledged')).toEqual(
      Array.from({ length: 5 }, (_, seq) => ({ kind: 'acknowledged', seq, brokerId: 3, latencyMs: 5 })),
    );
    expect(outcomes.filter((o) => o.kind === 'received').every((o) => o.kind === 'received' && o.latencyMs === 8 && !o.late)).toBe(true);
  });

  it('declares acknowledged messages lost at once when a later sequence number is read: exactly the ones that never came', () => {
    const { ledger, outcomes } = run(steadyTraffic(10, new Set([3, 4, 7])));
    expect(ledger.counts.lost).toBe(3);
    expect(ledger.counts.received).toBe(7);
    expect(ledger.counts.acknowledged).toBe(ledger.counts.received + ledger.counts.lost);
    expect(outcomes.filter((o) => o.kind === 'lost').map((o) => o.seq)).toEqual([3, 4, 7]);
  });

  it('declares trailing messages lost only after lostAfterMs, when nothing later arrives to show the gap', () => {
    const events = steadyTraffic(5, new Set([3, 4]));
    const before = run([...events, { kind: 'tick', at: 4_005 + 10_000 }]);
    expect(before.ledger.counts.lost).toBe(1); // seq 3 (acked at 3 005), not yet seq 4 (acked at 4 005)
    const after = run([...events, { kind: 'tick', at: 4_006 + 10_000 }]);
    expect(after.ledger.counts.lost).toBe(2);
    expect(after.ledger.pending).toEqual([]);
  });

  it('never counts a send the producer saw fail as lost, and counts it received if it was written after all', () => {
    const { ledger } = run([
      { kind: 'sent', seq: 0, at: 0, brokerId: 2 },
      { kind: 'failed', seq: 0, at: 5_000 },
      { kind: 'sent', seq: 1, at: 5_000, brokerId: 2 },
      { kind: 'acknowledged', seq: 1, at: 5_010 },
      { kind: 'received', seq: 1, sentAt: 5_000, at: 5_012 },
      { kind: 'tick', at: 60_000 },
    ]);
    expect(ledger.counts).toMatchObject({ attempted: 2, acknowledged: 1, failed: 1, received: 1, lost: 0 });
    expect(ledger.pending).toEqual([]);
    const written = run([
      { kind: 'sent', seq: 0, at: 0, brokerId: 2 },
      { kind: 'failed', seq: 0, at: 5_000 },
      { kind: 'received', seq: 0, sentAt: 0, at: 6_000 },
    ]);
    expect(written.ledger.counts).toMatchObject({ failed: 1, received: 1, late: 1, lost: 0 });
  });

  it('counts slow deliveries as late, and moves a message declared lost to late when it still arrives', () => {
    const slow = run([
      { kind: 'sent', seq: 0, at: 0, brokerId: 1 },
      { kind: 'acknowledged', seq: 0, at: 10 },
      { kind: 'received', seq: 0, sentAt: 0, at: 2_500 },
    ]);
    expect(slow.ledger.counts).toMatchObject({ received: 1, late: 1, lost: 0 });
    const resurrected = run([
      { kind: 'sent', seq: 0, at: 0, brokerId: 1 },
      { kind: 'acknowledged', seq: 0, at: 10 },
      { kind: 'tick', at: 10_011 },
      { kind: 'received', seq: 0, sentAt: 0, at: 12_000 },
    ]);
    expect(resurrected.ledger.counts).toMatchObject({ received: 1, late: 1, lost: 0 });
    expect(resurrected.outcomes.map((o) => o.kind)).toEqual(['attempted', 'acknowledged', 'lost', 'unlost', 'received']);
  });

  it('counts a message read twice as a duplicate', () => {
    const { ledger, outcomes } = run([...steadyTraffic(3), { kind: 'received', seq: 1, sentAt: 1_000, at: 3_000 }]);
    expect(ledger.counts).toMatchObject({ received: 3, duplicated: 1 });
    expect(outcomes.at(-1)).toEqual({ kind: 'duplicated', seq: 1, brokerId: 1 });
  });

  it('handles a fetch that beats the produce response', () => {
    const { ledger, outcomes } = run([
      { kind: 'sent', seq: 0, at: 0, brokerId: 1 },
      { kind: 'received', seq: 0, sentAt: 0, at: 4 },
      { kind: 'acknowledged', seq: 0, at: 6 },
    ]);
    expect(ledger.counts).toMatchObject({ attempted: 1, acknowledged: 1, received: 1, lost: 0 });
    expect(ledger.readBeforeAck).toEqual([]);
    expect(outcomes.find((o) => o.kind === 'acknowledged')).toEqual({ kind: 'acknowledged', seq: 0, brokerId: 1, latencyMs: 6 });
  });

  it('remembers a bounded number of sequence numbers however long it runs', () => {
    const { ledger } = run(steadyTraffic(3_000));
    expect(ledger.delivered.length).toBeLessThanOrEqual(DEFAULT_HEARTBEAT_LEDGER_OPTIONS.rememberedSeqs);
    expect(ledger.pending.length).toBe(0);
  });
});

describe('heartbeat message', () => {
  it('round-trips and rejects anything else on the topic', () => {
    const message = { run: 'r1', partition: 2, seq: 41, sentAt: 1_700_000_000_000 };
    expect(decodeHeartbeatMessage(encodeHeartbeatMessage(message))).toEqual(message);
    expect(decodeHeartbeatMessage('hello')).toBeNull();
    expect(decodeHeartbeatMessage('{"format":"other","run":"r","partition":0,"seq":1,"sentAt":1}')).toBeNull();
    expect(decodeHeartbeatMessage('{"format":"brokerscope-heartbeat/1","run":"r","partition":0,"seq":-1,"sentAt":1}')).toBeNull();
  });
});
