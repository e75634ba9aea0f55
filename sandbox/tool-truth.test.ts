import { describe, expect, it } from 'vitest';
import { parseBrokerEndpoints, parseLogDirs, parseQuorumReplication } from './tool-truth.js';

// Kafka pads each column to its widest cell and ends every cell with a tab.
const row = (...cells: string[]): string => `${cells.map((c) => c.padEnd(12)).join('\t')}\t`;

describe('parseQuorumReplication', () => {
  it('reads each voter and observer of a release that prints directory ids', () => {
    const output = [
      row('NodeId', 'DirectoryId', 'LogEndOffset', 'Lag', 'LastFetchTimestamp', 'LastCaughtUpTimestamp', 'Status'),
      row('2', 'pbvuBlaTTwKRxS5NLJwRFQ', '2571', '0', '1717000000100', '1717000000100', 'Leader'),
      row('1', 'Q1yVNpIPQ8C4Zw6DtA6qPw', '2569', '2', '1717000000090', '1717000000050', 'Follower'),
      row('3', 'kD3NVqu6ST2SQnUXGvD7Fw', '2571', '0', '1717000000095', '1717000000095', 'Follower'),
      row('4', 'AAAAAAAAAAAAAAAAAAAAAA', '2500', '71', '-1', '-1', 'Observer'),
      '',
    ].join('\n');
    expect(parseQuorumReplication(output)).toEqual([
      { nodeId: 2, logEndOffset: 2571, lag: 0, status: 'Leader' },
      { nodeId: 1, logEndOffset: 2569, lag: 2, status: 'Follower' },
      { nodeId: 3, logEndOffset: 2571, lag: 0, status: 'Follower' },
      { nodeId: 4, logEndOffset: 2500, lag: 71, status: 'Observer' },
    ]);
  });

  it('finds the columns by name when there is no directory id column, and skips what is not a replica line', () => {
    const output = [
      'WARN some tool warning',
      row('NodeId', 'LogEndOffset', 'Lag', 'LastFetchTimestamp', 'LastCaughtUpTimestamp', 'Status'),
      row('1', '40', '0', '1', '1', 'Leader'),
      row('2', '37', '3', '1', '1', 'Follower'),
    ].join('\n');
    expect(parseQuorumReplication(output)).toEqual([
      { nodeId: 1, logEndOffset: 40, lag: 0, status: 'Leader' },
      { nodeId: 2, logEndOffset: 37, lag: 3, status: 'Follower' },
    ]);
  });

  it('refuses output it does not recognise instead of reporting no voters', () => {
    expect(() => parseQuorumReplication('Error: timed out')).toThrow(/Unexpected metadata-quorum output/);
    expect(() => parseQuorumReplication(row('NodeId', 'Lag', 'Status'))).toThrow(/no LogEndOffset column/);
  });
});

describe('parseLogDirs', () => {
  it('names each broker’s log directories and sums its replicas over them', () => {
    const json = {
      version: 1,
      brokers: [
        {
          broker: 1,
          logDirs: [
            { logDir: '/data/a', error: null, partitions: [{ partition: 'orders-0', size: 100, offsetLag: 0, isFuture: false }] },
            { logDir: '/data/b', error: null, partitions: [{ partition: 'orders-1', size: 50, offsetLag: 0, isFuture: false }] },
          ],
        },
      ],
    };
    const output = `Querying brokers for log directories information\nReceived log directory information from brokers 1\n${JSON.stringify(json)}\n`;
    expect(parseLogDirs(output)).toEqual([{ broker: 1, paths: ['/data/a', '/data/b'], totalReplicaBytes: 150, replicaCount: 2 }]);
  });
});

describe('parseBrokerEndpoints', () => {
  it('reads id, rack and fencing state by the header of kafka-cluster list-endpoints', () => {
    // Kafka 4.3.1's output with node 3 killed, columns padded as the tool pads them.
    const output = [
      'ID         HOST      PORT       RACK   STATE      ENDPOINT_TYPE  ',
      '1          127.0.0.1 29092      rack-a unfenced   broker         ',
      '2          127.0.0.1 29093      rack-b unfenced   broker         ',
      '3          127.0.0.1 29094      rack-c fenced     broker         ',
      '',
    ].join('\n');
    expect(parseBrokerEndpoints(output)).toEqual([
      { id: 1, rack: 'rack-a', state: 'unfenced' },
      { id: 2, rack: 'rack-b', state: 'unfenced' },
      { id: 3, rack: 'rack-c', state: 'fenced' },
    ]);
  });

  it('gives a broker without broker.rack no rack', () => {
    const output = 'ID HOST PORT RACK STATE ENDPOINT_TYPE\n7 10.0.0.7 9092 null unfenced broker\n';
    expect(parseBrokerEndpoints(output)).toEqual([{ id: 7, rack: null, state: 'unfenced' }]);
  });

  it('refuses output without the state column (a tool run without --include-fenced-brokers, or before Kafka 4.0)', () => {
    expect(() => parseBrokerEndpoints('ID HOST PORT RACK ENDPOINT_TYPE\n1 127.0.0.1 9092 rack-a broker\n')).toThrow(/list-endpoints/);
  });
});
