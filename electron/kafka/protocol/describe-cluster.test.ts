import { describe, expect, it } from 'vitest';
import { describeClusterApi } from './describe-cluster';
import { KafkaProtocolError } from './protocol-error';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { bool, bytes, carr, cstr, hex, i16, i32, i8, tags, type Bytes } from './testing/wire-bytes';

/** DescribeClusterResponse body, field by field per DescribeClusterResponse.json. */
function responseBody(
  version: number,
  fields: {
    errorCode?: number;
    errorMessage?: string | null;
    clusterId?: string;
    controllerId?: number;
    brokers?: ReadonlyArray<{ id: number; host: string; port: number; rack: string | null; fenced?: boolean; tags?: Bytes }>;
    topTags?: Bytes;
  } = {},
): Bytes {
  return [
    ...i32(0), // ThrottleTimeMs
    ...i16(fields.errorCode ?? 0),
    ...cstr(fields.errorMessage ?? null),
    ...(version >= 1 ? i8(1) : []), // EndpointType
    ...cstr(fields.clusterId ?? 'Xy3clusterId'),
    ...i32(fields.controllerId ?? 2),
    ...carr(
      (fields.brokers ?? []).map((b) => [
        ...i32(b.id),
        ...cstr(b.host),
        ...i32(b.port),
        ...cstr(b.rack),
        ...(version >= 2 ? bool(b.fenced ?? false) : []),
        ...(b.tags ?? tags()),
      ]),
    ),
    ...i32(-2147483648), // ClusterAuthorizedOperations
    ...(fields.topTags ?? tags()),
  ];
}

describe('DescribeCluster request', () => {
  it('starts with the request header v2 tagged fields, then the v2 body', () => {
    // header tags | IncludeClusterAuthorizedOperations | EndpointType=1 | IncludeFencedBrokers | body tags
    expect(hex(encodeRequestPayload(describeClusterApi, 2))).toBe('00' + '00' + '01' + '01' + '00');
  });

  it('omits the fields older versions lack', () => {
    expect(hex(encodeRequestPayload(describeClusterApi, 1))).toBe('00' + '00' + '01' + '00');
    expect(hex(encodeRequestPayload(describeClusterApi, 0))).toBe('00' + '00' + '00');
  });
});

describe('DescribeCluster response', () => {
  it('decodes v2 with fenced flags, skipping a non-empty header tagged field', () => {
    const payload = bytes(
      tags({ tag: 3, data: [1, 2, 3] }), // response header v1 tagged fields, from some future Kafka
      responseBody(2, {
        brokers: [
          { id: 1, host: '127.0.0.1', port: 19092, rack: 'rack-a', fenced: false },
          { id: 2, host: '127.0.0.1', port: 19093, rack: null, fenced: true, tags: tags({ tag: 9, data: [0xff] }) },
        ],
        topTags: tags({ tag: 0, data: cstr('ignored') }),
      }),
    );
    expect(decodeResponsePayload(describeClusterApi, 2, payload)).toEqual({
      apiVersion: 2,
      clusterId: 'Xy3clusterId',
      controllerId: 2,
      brokers: [
        { brokerId: 1, host: '127.0.0.1', port: 19092, rack: 'rack-a', isFenced: false },
        { brokerId: 2, host: '127.0.0.1', port: 19093, rack: null, isFenced: true },
      ],
    });
  });

  it('decodes v0, where fencing is unknown', () => {
    const payload = bytes(tags(), responseBody(0, { brokers: [{ id: 3, host: 'h', port: 1, rack: 'rack-c' }] }));
    const result = decodeResponsePayload(describeClusterApi, 0, payload);
    expect(result.brokers).toEqual([{ brokerId: 3, host: 'h', port: 1, rack: 'rack-c', isFenced: null }]);
    expect(result.apiVersion).toBe(0);
  });

  it('turns a top-level error code into a typed error carrying the broker message', () => {
    const payload = bytes(tags(), responseBody(1, { errorCode: 31, errorMessage: 'denied', clusterId: '', controllerId: -1 }));
    let caught: unknown;
    try {
      decodeResponsePayload(describeClusterApi, 1, payload);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KafkaProtocolError);
    expect(caught).toMatchObject({ code: 31, type: 'CLUSTER_AUTHORIZATION_FAILED', retriable: false, serverMessage: 'denied' });
    expect(String(caught)).toMatch(/DescribeCluster failed with CLUSTER_AUTHORIZATION_FAILED \[31\]: denied/);
  });

  it('names error codes newer than kafkajs knows', () => {
    const payload = bytes(tags(), responseBody(1, { errorCode: 114 }));
    expect(() => decodeResponsePayload(describeClusterApi, 1, payload)).toThrow(/MISMATCHED_ENDPOINT_TYPE \[114\]/);
  });

  it('rejects trailing bytes, which would mean a mis-parse', () => {
    const payload = bytes(tags(), responseBody(1), [0]);
    expect(() => decodeResponsePayload(describeClusterApi, 1, payload)).toThrow(/1 unread bytes/);
  });
});
