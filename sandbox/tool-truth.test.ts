import { describe, expect, it } from 'vitest';
import { parseBrokerEndpoints } from './tool-truth.js';

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
