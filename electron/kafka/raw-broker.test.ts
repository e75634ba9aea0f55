import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCluster } from './protocol/describe-cluster';
import { describeLogDirs } from './protocol/describe-log-dirs';
import { describeQuorum } from './protocol/describe-quorum';
import { createOwnedCluster, type OwnedCluster } from './kafkajs-internals';
import { KafkaProtocolError, UnsupportedApiError } from './protocol/protocol-error';
import { negotiateVersion } from './protocol/raw-broker';
import { startFakeBroker, type FakeBroker, type FakeBrokerOptions } from './protocol/testing/fake-kafka-broker';
import { arr, bool, carr, cstr, i16, i32, i8, tags, type Bytes } from './protocol/testing/wire-bytes';

describe('negotiateVersion', () => {
  const api = { apiKey: 60, apiName: 'DescribeCluster', versions: { minVersion: 0, maxVersion: 2 } };

  it('picks the highest version both sides implement', () => {
    expect(negotiateVersion(api, { 60: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(negotiateVersion(api, { 60: { minVersion: 0, maxVersion: 9 } })).toBe(2);
  });

  it('throws UnsupportedApiError when the broker lacks the api or the ranges do not meet', () => {
    expect(() => negotiateVersion(api, { 3: { minVersion: 0, maxVersion: 12 } })).toThrow(UnsupportedApiError);
    expect(() => negotiateVersion(api, null)).toThrow(/not supported by this broker/);
    const logDirs = { apiKey: 35, apiName: 'DescribeLogDirs', versions: { minVersion: 1, maxVersion: 5 } };
    // A broker that only speaks v0 (pre-1.1) shares no version with us.
    expect(() => negotiateVersion(logDirs, { 35: { minVersion: 0, maxVersion: 0 } })).toThrow(/broker supports v0-0/);
    // Kafka 4.x removed v0: min 1 is fine.
    expect(negotiateVersion(logDirs, { 35: { minVersion: 1, maxVersion: 4 } })).toBe(4);
  });
});

/** DescribeClusterResponse v1/v2 body, with an empty response header tag section first. */
function clusterResponse(version: number, errorCode = 0): Bytes {
  return [
    ...tags(),
    ...i32(0),
    ...i16(errorCode),
    ...cstr(null),
    ...i8(1),
    ...cstr('fake-cluster'),
    ...i32(1),
    ...carr([[...i32(1), ...cstr('127.0.0.1'), ...i32(9092), ...cstr('rack-a'), ...(version >= 2 ? bool(false) : []), ...tags()]]),
    ...i32(0),
    ...tags(),
  ];
}

describe('sendRaw over a real kafkajs connection', () => {
  let fake: FakeBroker | undefined;
  let cluster: OwnedCluster | undefined;

  afterEach(async () => {
    await cluster?.disconnect();
    await fake?.close();
    cluster = undefined;
    fake = undefined;
  });

  async function connect(options: FakeBrokerOptions): Promise<{ fake: FakeBroker; cluster: OwnedCluster }> {
    fake = await startFakeBroker(options);
    const kafka = new Kafka({
      clientId: 'raw-protocol-test',
      brokers: [`${fake.host}:${fake.port}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
    cluster = createOwnedCluster(kafka);
    await cluster.connect();
    return { fake, cluster };
  }

  it('frames a flexible request as header v2 and decodes a header-v1 response', async () => {
    const { fake, cluster } = await connect({
      apis: { 60: [0, 2] },
      handle: () => [...tags({ tag: 4, data: [1, 2] }), ...clusterResponse(2).slice(1)],
    });
    expect(cluster.nodeIds()).toEqual([fake.nodeId]);

    const result = await describeCluster(await cluster.anyBroker());

    expect(result).toEqual({
      apiVersion: 2,
      clusterId: 'fake-cluster',
      controllerId: 1,
      brokers: [{ brokerId: 1, host: '127.0.0.1', port: 9092, rack: 'rack-a', isFenced: false }],
    });
    const [request] = fake.received;
    expect(request).toMatchObject({ apiKey: 60, apiVersion: 2, clientId: 'raw-protocol-test' });
    // kafkajs wrote the v1 header up to the client id; our payload adds the v2 header's tag section.
    expect(request?.payload.toString('hex')).toBe('00' + '00' + '01' + '01' + '00');
  });

  it('uses the broker-advertised maximum when it is lower than ours', async () => {
    const { fake, cluster } = await connect({ apis: { 60: [0, 1] }, handle: () => clusterResponse(1) });
    const result = await describeCluster(await cluster.broker(fake.nodeId));
    expect(result.apiVersion).toBe(1);
    expect(result.brokers[0]?.isFenced).toBeNull();
    expect(fake.received.map((r) => r.apiVersion)).toEqual([1]);
  });

  it('retries one version lower when the broker answers UNSUPPORTED_VERSION', async () => {
    const { fake, cluster } = await connect({
      apis: { 60: [0, 2] },
      handle: (request) => (request.apiVersion === 2 ? clusterResponse(2, 35) : clusterResponse(request.apiVersion)),
    });
    const result = await describeCluster(await cluster.anyBroker());
    expect(result.apiVersion).toBe(1);
    expect(fake.received.map((r) => r.apiVersion)).toEqual([2, 1]);
  });

  it('surfaces response error codes as KafkaProtocolError through kafkajs', async () => {
    const { cluster } = await connect({ apis: { 60: [0, 2] }, handle: () => clusterResponse(2, 31) });
    const error = await describeCluster(await cluster.anyBroker()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KafkaProtocolError);
    expect(error).toMatchObject({ type: 'CLUSTER_AUTHORIZATION_FAILED', code: 31 });
  });

  it('rejects an api the broker does not advertise without sending anything', async () => {
    const { fake, cluster } = await connect({ apis: {}, handle: () => [] });
    await expect(describeQuorum(await cluster.anyBroker())).rejects.toBeInstanceOf(UnsupportedApiError);
    expect(fake.received).toEqual([]);
  });

  it('sends non-flexible DescribeLogDirs v1 without header tags and reads it back', async () => {
    const { fake, cluster } = await connect({
      apis: { 35: [1, 1] },
      // v1 response: ThrottleTimeMs, [ErrorCode LogDir [Name [Index Size Lag IsFuture]]] — no header tags.
      handle: () => [...i32(0), ...arr([[...i16(0), ...i16(4), ...Buffer.from('/tmp'), ...arr([])]])],
    });
    const result = await describeLogDirs(await cluster.anyBroker(), [{ topic: 't', partitions: [0] }]);
    expect(result).toEqual({
      apiVersion: 1,
      logDirs: [{ errorCode: 0, errorName: 'NONE', path: '/tmp', topics: [], totalBytes: -1, usableBytes: -1, isCordoned: false }],
    });
    expect(fake.received[0]?.payload.toString('hex')).toBe('00000001' + '0001' + '74' + '00000001' + '00000000');
  });
});
