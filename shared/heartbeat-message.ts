/**
 * The heartbeat probe's message. Readable JSON on purpose: someone inspecting the topic with
 * kafka-console-consumer sees what it is. `run` tells one probe run from another (an app restart,
 * a second app on the same cluster), so each only counts its own sequence numbers.
 */
export interface HeartbeatMessage {
  readonly run: string;
  readonly partition: number;
  readonly seq: number;
  /** Epoch ms on the sender's clock; the reader is the same process, so there is no clock skew. */
  readonly sentAt: number;
}

const FORMAT = 'brokerscope-heartbeat/1';

export function encodeHeartbeatMessage(message: HeartbeatMessage): string {
  return JSON.stringify({ format: FORMAT, run: message.run, partition: message.partition, seq: message.seq, sentAt: message.sentAt });
}

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Null for anything that is not a heartbeat of this format: the topic is shared with other writers. */
export function decodeHeartbeatMessage(text: string): HeartbeatMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { format, run, partition, seq, sentAt } = parsed as Record<string, unknown>;
  if (format !== FORMAT || typeof run !== 'string' || !isInt(partition) || !isInt(seq) || !isInt(sentAt)) return null;
  return { run, partition, seq, sentAt };
}
