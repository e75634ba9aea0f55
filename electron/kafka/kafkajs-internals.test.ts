import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { asRawBroker, createOwnedCluster, kafkajsErrorInfo, toKafkajsEncoder } from './kafkajs-internals';

describe('kafkajs internals (pinned kafkajs 2.2.4)', () => {
  it('builds an owned Cluster from the Kafka client without connecting', () => {
    const kafka = new Kafka({ brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING });
    const cluster = createOwnedCluster(kafka, { metadataMaxAge: 1000 });
    expect(cluster.nodeIds()).toEqual([]);
  });

  it('fails loudly when the private factory is missing', () => {
    expect(() => createOwnedCluster({} as Kafka)).toThrow(/kafkajs internals changed/);
  });

  it('reads the kafkajs error table', () => {
    expect(kafkajsErrorInfo(31)).toMatchObject({ type: 'CLUSTER_AUTHORIZATION_FAILED', retriable: false });
    expect(kafkajsErrorInfo(1234)).toBeUndefined();
  });

  it('wraps bytes in a kafkajs Encoder that reproduces them exactly', () => {
    const encoder = toKafkajsEncoder(Uint8Array.from([0, 1, 2, 255]));
    expect((encoder as { buffer: Buffer }).buffer.toString('hex')).toBe('000102ff');
  });

  it('refuses to treat arbitrary objects as brokers', () => {
    expect(() => asRawBroker({ connect: () => undefined })).toThrow(/not a kafkajs Broker/);
  });
});
