import type { ClusterSnapshot } from './cluster-snapshot';

/**
 * Which brokers replicate from which: cell (L, F) counts the partitions led by L that F replicates,
 * and how many of those have F out of the ISR. A slow broker shows as a column of out-of-sync cells
 * (it lags behind every leader); a slow leader as a row of them (all its followers lag).
 */
export interface LeaderFollowerMatrix {
  /** Both axes, ascending: every registered broker and every broker an assignment names. */
  readonly brokerIds: readonly number[];
  /** Row-major, leader index × follower index. */
  readonly replicated: readonly number[];
  readonly outOfSync: readonly number[];
  readonly maxReplicated: number;
}

export interface MatrixCell {
  readonly replicated: number;
  readonly outOfSync: number;
}

export function leaderFollowerMatrix(snapshot: ClusterSnapshot): LeaderFollowerMatrix {
  const ids = new Set<number>(snapshot.brokers.map((b) => b.id));
  for (const topic of snapshot.topics) for (const partition of topic.partitions) for (const id of partition.replicas) ids.add(id);
  const brokerIds = [...ids].sort((a, b) => a - b);
  const index = new Map(brokerIds.map((id, i) => [id, i]));
  const n = brokerIds.length;
  const replicated = new Array<number>(n * n).fill(0);
  const outOfSync = new Array<number>(n * n).fill(0);

  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      const row = index.get(partition.leader);
      if (row === undefined) continue;
      for (const follower of partition.replicas) {
        if (follower === partition.leader) continue;
        const col = index.get(follower) as number;
        replicated[row * n + col] = (replicated[row * n + col] ?? 0) + 1;
        if (!partition.isr.includes(follower)) outOfSync[row * n + col] = (outOfSync[row * n + col] ?? 0) + 1;
      }
    }
  }
  let maxReplicated = 0;
  for (const value of replicated) if (value > maxReplicated) maxReplicated = value;
  return { brokerIds, replicated, outOfSync, maxReplicated };
}

export function matrixCell(matrix: LeaderFollowerMatrix, leader: number, follower: number): MatrixCell {
  const row = matrix.brokerIds.indexOf(leader);
  const col = matrix.brokerIds.indexOf(follower);
  if (row < 0 || col < 0) return { replicated: 0, outOfSync: 0 };
  return cellAt(matrix, row, col);
}

export function cellAt(matrix: LeaderFollowerMatrix, row: number, col: number): MatrixCell {
  const i = row * matrix.brokerIds.length + col;
  return { replicated: matrix.replicated[i] ?? 0, outOfSync: matrix.outOfSync[i] ?? 0 };
}

export type MatrixAxis = 'leader' | 'follower';
export type AxisSortKey = 'id' | 'replicated' | 'out-of-sync';

export interface AxisTotal extends MatrixCell {
  readonly brokerId: number;
}

/** Row sums (as leader) or column sums (as follower) for every broker on the axis. */
export function axisTotals(matrix: LeaderFollowerMatrix, axis: MatrixAxis): AxisTotal[] {
  const n = matrix.brokerIds.length;
  return matrix.brokerIds.map((brokerId, i) => {
    let replicated = 0;
    let outOfSync = 0;
    for (let j = 0; j < n; j += 1) {
      const cell = axis === 'leader' ? cellAt(matrix, i, j) : cellAt(matrix, j, i);
      replicated += cell.replicated;
      outOfSync += cell.outOfSync;
    }
    return { brokerId, replicated, outOfSync };
  });
}

/** Axis order for the heatmap: by broker id, or by what the broker leads (rows) / follows (columns). */
export function axisOrder(matrix: LeaderFollowerMatrix, axis: MatrixAxis, by: AxisSortKey, desc: boolean): number[] {
  const totals = axisTotals(matrix, axis);
  const value = (t: AxisTotal): number => (by === 'id' ? t.brokerId : by === 'replicated' ? t.replicated : t.outOfSync);
  return totals
    .sort((a, b) => (desc ? value(b) - value(a) : value(a) - value(b)) || a.brokerId - b.brokerId)
    .map((t) => t.brokerId);
}

export interface Relation extends MatrixCell {
  readonly brokerId: number;
}

/** Who replicates from this leader, busiest first. */
export function followersOf(matrix: LeaderFollowerMatrix, leader: number): Relation[] {
  const row = matrix.brokerIds.indexOf(leader);
  if (row < 0) return [];
  return relations(matrix, (j) => cellAt(matrix, row, j));
}

/** Whom this broker replicates from, busiest first. */
export function leadersOf(matrix: LeaderFollowerMatrix, follower: number): Relation[] {
  const col = matrix.brokerIds.indexOf(follower);
  if (col < 0) return [];
  return relations(matrix, (i) => cellAt(matrix, i, col));
}

function relations(matrix: LeaderFollowerMatrix, cellOf: (i: number) => MatrixCell): Relation[] {
  return matrix.brokerIds
    .map((brokerId, i) => ({ brokerId, ...cellOf(i) }))
    .filter((r) => r.replicated > 0)
    .sort((a, b) => b.replicated - a.replicated || a.brokerId - b.brokerId);
}

export interface CellPartition {
  readonly topic: string;
  readonly partition: number;
  readonly followerInSync: boolean;
}

/** The partitions behind one cell, computed on demand rather than stored for every cell. */
export function cellPartitions(snapshot: ClusterSnapshot, leader: number, follower: number): CellPartition[] {
  const out: CellPartition[] = [];
  if (leader === follower) return out;
  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      if (partition.leader !== leader || !partition.replicas.includes(follower)) continue;
      out.push({ topic: topic.name, partition: partition.partition, followerInSync: partition.isr.includes(follower) });
    }
  }
  return out;
}
