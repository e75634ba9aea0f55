/**
 * Sequence accounting for one heartbeat partition: what was sent, acknowledged, read back, and
 * what never came. Pure: every event returns a new ledger and the outcomes it caused, which the
 * prober attributes to the broker that led the partition when the message was sent.
 *
 * Definitions (all counts are messages):
 * - attempted: produce requests sent; acknowledged / failed: how they ended for the producer.
 * - received: read back by the consumer, the first time.
 * - lost: acknowledged with acks=all, yet never read back. Declared either at once, when a later
 *   sequence number of the same partition is read (the probe keeps one message in flight per
 *   partition, so acknowledged messages are in offset order and the consumer reads in offset
 *   order: a gap is final), or when `lostAfterMs` passes after the acknowledgement with nothing
 *   read. A message the producer saw fail is never lost: its absence is counted as unavailability.
 * - late: read back, but more than `lateAfterMs` after it was sent, or after it had been declared
 *   lost (it then moves from lost to late, so lost stays exact).
 * - duplicated: read back more than once (a producer retry that was written twice, a consumer
 *   that re-read).
 */
export interface HeartbeatCounts {
  readonly attempted: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly received: number;
  readonly lost: number;
  readonly late: number;
  readonly duplicated: number;
}

export const ZERO_HEARTBEAT_COUNTS: HeartbeatCounts = { attempted: 0, acknowledged: 0, failed: 0, received: 0, lost: 0, late: 0, duplicated: 0 };

export function addHeartbeatCounts(a: HeartbeatCounts, b: HeartbeatCounts): HeartbeatCounts {
  return {
    attempted: a.attempted + b.attempted,
    acknowledged: a.acknowledged + b.acknowledged,
    failed: a.failed + b.failed,
    received: a.received + b.received,
    lost: a.lost + b.lost,
    late: a.late + b.late,
    duplicated: a.duplicated + b.duplicated,
  };
}

export interface HeartbeatLedgerOptions {
  readonly lostAfterMs: number;
  readonly lateAfterMs: number;
  /** How many recent sequence numbers are remembered to recognise duplicates and late arrivals. */
  readonly rememberedSeqs: number;
}

export const DEFAULT_HEARTBEAT_LEDGER_OPTIONS: HeartbeatLedgerOptions = { lostAfterMs: 30_000, lateAfterMs: 2_000, rememberedSeqs: 512 };

type PendingState = 'in-flight' | 'acknowledged' | 'failed';

interface PendingMessage {
  readonly seq: number;
  readonly sentAt: number;
  /** The partition's leader when it was sent: who the outcome is attributed to. */
  readonly brokerId: number;
  readonly state: PendingState;
  readonly settledAt: number | null;
}

interface RememberedMessage {
  readonly seq: number;
  readonly sentAt: number;
  readonly brokerId: number;
}

export interface HeartbeatLedger {
  /** Sent and not read back yet, oldest first. */
  readonly pending: readonly PendingMessage[];
  /** Recently read back, to recognise duplicates. */
  readonly delivered: readonly RememberedMessage[];
  /** Recently declared lost, to move them to late if they still arrive. */
  readonly lost: readonly RememberedMessage[];
  /** Read back before the producer heard back (a fetch can beat the produce response). */
  readonly readBeforeAck: readonly RememberedMessage[];
  readonly counts: HeartbeatCounts;
}

export const EMPTY_HEARTBEAT_LEDGER: HeartbeatLedger = { pending: [], delivered: [], lost: [], readBeforeAck: [], counts: ZERO_HEARTBEAT_COUNTS };

export type HeartbeatEvent =
  | { readonly kind: 'sent'; readonly seq: number; readonly at: number; readonly brokerId: number }
  | { readonly kind: 'acknowledged'; readonly seq: number; readonly at: number }
  | { readonly kind: 'failed'; readonly seq: number; readonly at: number }
  | { readonly kind: 'received'; readonly seq: number; readonly sentAt: number; readonly at: number }
  /** Time passing: declares overdue acknowledged messages lost. */
  | { readonly kind: 'tick'; readonly at: number };

/**
 * What an event changed, attributed to a broker. `unlost` takes back an earlier `lost` for a
 * message that arrived after all, so windowed counts built from outcomes stay exact too.
 */
export type HeartbeatOutcome =
  | { readonly kind: 'attempted' | 'failed' | 'lost' | 'unlost' | 'duplicated'; readonly seq: number; readonly brokerId: number }
  | { readonly kind: 'acknowledged'; readonly seq: number; readonly brokerId: number; readonly latencyMs: number }
  | { readonly kind: 'received'; readonly seq: number; readonly brokerId: number; readonly latencyMs: number; readonly late: boolean };

export interface LedgerStep {
  readonly ledger: HeartbeatLedger;
  readonly outcomes: readonly HeartbeatOutcome[];
}

function bump(counts: HeartbeatCounts, changes: Partial<HeartbeatCounts>): HeartbeatCounts {
  const next = { ...counts };
  for (const [name, delta] of Object.entries(changes) as [keyof HeartbeatCounts, number][]) next[name] += delta;
  return next;
}

const remember = (list: readonly RememberedMessage[], items: readonly RememberedMessage[], limit: number): RememberedMessage[] =>
  items.length === 0 ? [...list] : [...list, ...items].slice(-limit);

const memo = (m: PendingMessage): RememberedMessage => ({ seq: m.seq, sentAt: m.sentAt, brokerId: m.brokerId });

export function applyHeartbeatEvent(
  ledger: HeartbeatLedger,
  event: HeartbeatEvent,
  options: HeartbeatLedgerOptions = DEFAULT_HEARTBEAT_LEDGER_OPTIONS,
): LedgerStep {
  switch (event.kind) {
    case 'sent': {
      const message: PendingMessage = { seq: event.seq, sentAt: event.at, brokerId: event.brokerId, state: 'in-flight', settledAt: null };
      return {
        ledger: { ...ledger, pending: [...ledger.pending, message], counts: bump(ledger.counts, { attempted: 1 }) },
        outcomes: [{ kind: 'attempted', seq: event.seq, brokerId: event.brokerId }],
      };
    }
    case 'acknowledged':
    case 'failed':
      return settle(ledger, event.kind, event.seq, event.at);
    case 'received':
      return receive(ledger, event.seq, event.sentAt, event.at, options);
    case 'tick':
      return expire(ledger, event.at, options);
  }
}

function settle(ledger: HeartbeatLedger, state: 'acknowledged' | 'failed', seq: number, at: number): LedgerStep {
  const counts = bump(ledger.counts, state === 'acknowledged' ? { acknowledged: 1 } : { failed: 1 });
  const index = ledger.pending.findIndex((m) => m.seq === seq);
  const message = ledger.pending[index];
  if (message === undefined) {
    const early = ledger.readBeforeAck.find((m) => m.seq === seq);
    const readBeforeAck = ledger.readBeforeAck.filter((m) => m.seq !== seq);
    const outcomes: HeartbeatOutcome[] =
      early === undefined
        ? []
        : [state === 'acknowledged' ? { kind: 'acknowledged', seq, brokerId: early.brokerId, latencyMs: at - early.sentAt } : { kind: 'failed', seq, brokerId: early.brokerId }];
    return { ledger: { ...ledger, counts, readBeforeAck }, outcomes };
  }
  const pending = [...ledger.pending];
  pending[index] = { ...message, state, settledAt: at };
  const outcome: HeartbeatOutcome =
    state === 'acknowledged'
      ? { kind: 'acknowledged', seq, brokerId: message.brokerId, latencyMs: at - message.sentAt }
      : { kind: 'failed', seq, brokerId: message.brokerId };
  return { ledger: { ...ledger, pending, counts }, outcomes: [outcome] };
}

function receive(ledger: HeartbeatLedger, seq: number, sentAt: number, at: number, options: HeartbeatLedgerOptions): LedgerStep {
  const latencyMs = at - sentAt;
  const message = ledger.pending.find((m) => m.seq === seq);
  if (message !== undefined) {
    const late = latencyMs > options.lateAfterMs;
    // Acknowledged messages before this one that are still unread will never be read: a gap.
    const gap = ledger.pending.filter((m) => m.seq < seq && m.state === 'acknowledged');
    const outcomes: HeartbeatOutcome[] = [
      { kind: 'received', seq, brokerId: message.brokerId, latencyMs, late },
      ...gap.map((m): HeartbeatOutcome => ({ kind: 'lost', seq: m.seq, brokerId: m.brokerId })),
    ];
    return {
      ledger: {
        pending: ledger.pending.filter((m) => m.seq !== seq && !gap.includes(m)),
        delivered: remember(ledger.delivered, [memo(message)], options.rememberedSeqs),
        lost: remember(ledger.lost, gap.map(memo), options.rememberedSeqs),
        readBeforeAck: message.state === 'in-flight' ? remember(ledger.readBeforeAck, [memo(message)], options.rememberedSeqs) : [...ledger.readBeforeAck],
        counts: bump(ledger.counts, { received: 1, late: late ? 1 : 0, lost: gap.length }),
      },
      outcomes,
    };
  }
  const wasLost = ledger.lost.find((m) => m.seq === seq);
  if (wasLost !== undefined) {
    return {
      ledger: {
        ...ledger,
        delivered: remember(ledger.delivered, [wasLost], options.rememberedSeqs),
        lost: ledger.lost.filter((m) => m.seq !== seq),
        counts: bump(ledger.counts, { received: 1, late: 1, lost: -1 }),
      },
      outcomes: [
        { kind: 'unlost', seq, brokerId: wasLost.brokerId },
        { kind: 'received', seq, brokerId: wasLost.brokerId, latencyMs, late: true },
      ],
    };
  }
  // Already read, or older than anything remembered: either way not new.
  const known = ledger.delivered.find((m) => m.seq === seq);
  return {
    ledger: { ...ledger, counts: bump(ledger.counts, { duplicated: 1 }) },
    outcomes: known === undefined ? [] : [{ kind: 'duplicated', seq, brokerId: known.brokerId }],
  };
}

function expire(ledger: HeartbeatLedger, at: number, options: HeartbeatLedgerOptions): LedgerStep {
  const overdue = (m: PendingMessage): boolean => m.settledAt !== null && at - m.settledAt > options.lostAfterMs;
  const expired = ledger.pending.filter(overdue);
  if (expired.length === 0) return { ledger, outcomes: [] };
  const lost = expired.filter((m) => m.state === 'acknowledged');
  return {
    ledger: {
      ...ledger,
      // A failed send that never shows up is simply dropped: the producer already knew.
      pending: ledger.pending.filter((m) => !overdue(m)),
      lost: remember(ledger.lost, lost.map(memo), options.rememberedSeqs),
      counts: bump(ledger.counts, { lost: lost.length }),
    },
    outcomes: lost.map((m) => ({ kind: 'lost', seq: m.seq, brokerId: m.brokerId })),
  };
}
