import { describe, expect, it } from 'vitest';
import { unsentPartitions } from './heartbeat-producer';

describe('unsentPartitions', () => {
  const messages = [0, 3].map((partition) => ({ partition, value: '{}' }));

  it('finds nothing when every partition of the send was answered', () => {
    expect(unsentPartitions('hb', messages, [{ topicName: 'hb', partition: 3 }, { topicName: 'hb', partition: 0 }])).toEqual([]);
  });

  it('names the partitions kafkajs resolved without sending (no metadata for them yet)', () => {
    expect(unsentPartitions('hb', messages, [{ topicName: 'hb', partition: 0 }])).toEqual([3]);
    expect(unsentPartitions('hb', messages, [])).toEqual([0, 3]);
  });

  it('does not take an answer for another topic as one for this topic', () => {
    expect(unsentPartitions('hb', messages, [{ topicName: 'other', partition: 3 }, { topicName: 'hb', partition: 0 }])).toEqual([3]);
  });
});
