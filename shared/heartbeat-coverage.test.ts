import { describe, expect, it } from 'vitest';
import {
  heartbeatCoverage,
  planHeartbeatAssignment,
  planHeartbeatFix,
  replicasLedBy,
  type HeartbeatBroker,
  type HeartbeatPartitionPlacement,
} from './heartbeat-coverage';

const brokers = (...spec: [number, string | null][]): HeartbeatBroker[] => spec.map(([id, rack]) => ({ id, rack }));
const threeRacks = brokers([1, 'a'], [2, 'b'], [3, 'c']);
const placed = (assignment: readonly (readonly number[])[]): HeartbeatPartitionPlacement[] =>
  assignment.map((replicas, partition) => ({ partition, replicas, leader: replicas[0] ?? -1 }));

describe('heartbeat topic placement', () => {
  it('plans one partition led by each broker, replication factor min(3, brokers), racks spread', () => {
    expect(planHeartbeatAssignment(threeRacks)).toEqual([
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ]);
    expect(planHeartbeatAssignment(brokers([1, 'a'], [2, 'b']))).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(planHeartbeatAssignment(brokers([7, null]))).toEqual([[7]]);
  });

  it('prefers brokers in racks not used yet', () => {
    const sixBrokers = brokers([1, 'a'], [2, 'a'], [3, 'b'], [4, 'b'], [5, 'c'], [6, 'c']);
    expect(replicasLedBy(1, sixBrokers, 3)).toEqual([1, 3, 5]);
    expect(replicasLedBy(6, sixBrokers, 3)).toEqual([6, 1, 3]);
  });

  it('reports a healthy layout as covering everything', () => {
    const coverage = heartbeatCoverage(placed(planHeartbeatAssignment(threeRacks)), threeRacks);
    expect(coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });
  });

  it('says which broker leads nothing after a failover, and fixes it with a preferred leader election only', () => {
    const partitions = placed(planHeartbeatAssignment(threeRacks)).map((p) => (p.partition === 2 ? { ...p, leader: 1 } : p));
    expect(heartbeatCoverage(partitions, threeRacks)).toMatchObject({ uncoveredBrokers: [], notLeadingBrokers: [3], fixNeeded: true });
    expect(planHeartbeatFix(partitions, threeRacks)).toEqual({ createPartitions: [], reassign: [], electPreferred: [2] });
  });

  it('leaves the partitions of a broker that is only down for now where they are, and elects nothing onto it', () => {
    const down = threeRacks.map((b) => (b.id === 3 ? { ...b, available: false } : b));
    const partitions = placed(planHeartbeatAssignment(threeRacks)).map((p) => (p.partition === 2 ? { ...p, leader: 1 } : p));
    expect(heartbeatCoverage(partitions, down)).toMatchObject({ uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });
  });

  it('covers a new broker by adding a partition, leaving the others alone', () => {
    const four = [...threeRacks, { id: 4, rack: 'a' }];
    const partitions = placed(planHeartbeatAssignment(threeRacks));
    expect(heartbeatCoverage(partitions, four)).toMatchObject({ uncoveredBrokers: [4], fixNeeded: true });
    expect(planHeartbeatFix(partitions, four)).toEqual({ createPartitions: [[4, 2, 3]], reassign: [], electPreferred: [] });
  });

  it('moves partitions off a decommissioned broker onto the uncovered ones', () => {
    // Broker 3 was replaced by broker 4.
    const now = brokers([1, 'a'], [2, 'b'], [4, 'c']);
    const partitions = placed(planHeartbeatAssignment(threeRacks)).map((p) => (p.leader === 3 ? { ...p, leader: 1 } : p));
    const coverage = heartbeatCoverage(partitions, now);
    expect(coverage).toMatchObject({ uncoveredBrokers: [4], misplacedPartitions: [0, 1, 2], fixNeeded: true });
    expect(planHeartbeatFix(partitions, now)).toEqual({
      createPartitions: [],
      reassign: [
        { partition: 0, replicas: [1, 2, 4] },
        { partition: 1, replicas: [2, 4, 1] },
        { partition: 2, replicas: [4, 1, 2] },
      ],
      electPreferred: [2],
    });
  });

  it('keeps spare partitions where they are when they sit on live brokers', () => {
    const partitions = placed([
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
      [1, 3, 2],
    ]);
    expect(planHeartbeatFix(partitions, threeRacks)).toEqual({ createPartitions: [], reassign: [], electPreferred: [] });
  });

  it('plans nothing without brokers', () => {
    expect(planHeartbeatFix(placed([[1, 2, 3]]), [])).toEqual({ createPartitions: [], reassign: [], electPreferred: [] });
  });
});
