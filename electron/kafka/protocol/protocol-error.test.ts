import { describe, expect, it } from 'vitest';
import { KafkaProtocolError, UnsupportedApiError, describeErrorCode, throwIfError } from './protocol-error';

describe('describeErrorCode', () => {
  it('uses kafkajs names for the codes kafkajs knows', () => {
    expect(describeErrorCode(0)).toMatchObject({ type: 'NONE' });
    expect(describeErrorCode(41)).toMatchObject({ type: 'NOT_CONTROLLER', retriable: true });
    expect(describeErrorCode(56)).toMatchObject({ type: 'KAFKA_STORAGE_ERROR' });
    expect(describeErrorCode(-1)).toMatchObject({ type: 'UNKNOWN' }); // kafkajs's name for UNKNOWN_SERVER_ERROR
  });

  it('names codes newer than kafkajs from Kafka', () => {
    expect(describeErrorCode(94)).toMatchObject({ type: 'INCONSISTENT_VOTER_SET', retriable: false });
    expect(describeErrorCode(100)).toMatchObject({ type: 'UNKNOWN_TOPIC_ID', retriable: true });
    expect(describeErrorCode(116)).toMatchObject({ type: 'UNKNOWN_CONTROLLER_ID' });
  });

  it('still describes codes nobody knows', () => {
    expect(describeErrorCode(9999)).toMatchObject({ type: 'UNKNOWN_ERROR_CODE_9999', retriable: false });
  });
});

describe('KafkaProtocolError', () => {
  it('carries the kafkajs-compatible type/code/retriable trio', () => {
    const error = new KafkaProtocolError(41, 'DescribeQuorum', { context: '__cluster_metadata-0' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'KafkaProtocolError', code: 41, type: 'NOT_CONTROLLER', retriable: true, serverMessage: null });
    expect(error.message).toMatch(/^DescribeQuorum \(__cluster_metadata-0\) failed with NOT_CONTROLLER \[41\]: /);
  });

  it('throwIfError passes 0 and throws anything else', () => {
    expect(() => throwIfError(0, 'X')).not.toThrow();
    expect(() => throwIfError(35, 'X')).toThrow(/UNSUPPORTED_VERSION/);
  });
});

describe('UnsupportedApiError', () => {
  it('says what each side supports', () => {
    const error = new UnsupportedApiError('DescribeLogDirs', 35, { minVersion: 0, maxVersion: 0 }, { minVersion: 1, maxVersion: 5 });
    expect(error).toMatchObject({ type: 'UNSUPPORTED_VERSION', retriable: false, apiKey: 35 });
    expect(error.message).toContain('broker supports v0-0, this client implements v1-5');
  });
});
