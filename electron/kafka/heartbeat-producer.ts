import type { Kafka, Producer } from 'kafkajs';
import type { HeartbeatOutgoing } from '../heartbeat/heartbeat-transport';

/**
 * Partitions of a send that no broker answered for. kafkajs resolves a send even when it had no
 * metadata for a message's partition and so never sent it; counting such a message acknowledged
 * would report a write path as working that was never probed.
 */
export function unsentPartitions(topic: string, messages: readonly HeartbeatOutgoing[], written: readonly { readonly topicName: string; readonly partition: number }[]): number[] {
  const answered = new Set(written.filter((r) => r.topicName === topic).map((r) => r.partition));
  return [...new Set(messages.map((m) => m.partition))].filter((partition) => !answered.has(partition)).sort((a, b) => a - b);
}

/**
 * The heartbeat's producer (acks=all, one retry so a leader change is followed within the same
 * send, no idempotence so a retried write can show up as a duplicate), replaceable: kafkajs routes
 * by metadata it refreshes only every few minutes, so after the topic grows the next send goes
 * through a new producer, and the old one disconnects once its sends in flight are answered.
 */
export class HeartbeatProducer {
  private producer: Promise<Producer> | null = null;
  private readonly sending = new Set<Promise<unknown>>();
  private retiring: Promise<unknown> = Promise.resolve();

  constructor(private readonly kafka: Kafka) {}

  async send(topic: string, messages: readonly HeartbeatOutgoing[], timeoutMs: number): Promise<void> {
    const producer = await this.connected();
    // kafkajs groups by leader: the prober's batch (one leader) is one Produce request.
    const sending = producer.send({ topic, acks: -1, timeout: timeoutMs, messages: messages.map((m) => ({ partition: m.partition, value: m.value })) });
    this.sending.add(sending);
    let written: Awaited<typeof sending>;
    try {
      written = await sending;
    } finally {
      this.sending.delete(sending);
    }
    const unsent = unsentPartitions(topic, messages, written);
    if (unsent.length > 0) {
      this.retire();
      throw new Error(`Not sent: the producer had no metadata for partition${unsent.length > 1 ? 's' : ''} ${unsent.join(', ')} of ${topic} yet`);
    }
  }

  /** The next send connects a new producer; this one disconnects once its sends in flight are answered. */
  retire(): void {
    const old = this.producer;
    if (old === null) return;
    this.producer = null;
    const inFlight = [...this.sending];
    this.retiring = Promise.allSettled([this.retiring, ...inFlight])
      .then(() => old)
      .then((p) => p.disconnect())
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    this.retire();
    await this.retiring;
  }

  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        idempotent: false,
        retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 },
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = null;
      throw error;
    });
    return this.producer;
  }
}
