import { performance } from 'node:perf_hooks';
import { deriveClusterModel } from '../shared/cluster-model';
import { syntheticCluster } from '../shared/synthetic-snapshot';
import { percentile } from './machine';

export interface DeriveFigures {
  readonly brokers: number;
  readonly partitions: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly runs: number;
}

/** Time to derive health, loads and totals from a generated snapshot of the given size. */
export function benchmarkDerive(brokers: number, partitions: number, runs = 30): DeriveFigures {
  const snapshot = syntheticCluster({ brokers, partitions, partitionsPerTopic: 50, replicationFactor: 3, outOfSyncRatio: 0.01, seed: 42 });
  for (let i = 0; i < 5; i += 1) deriveClusterModel(snapshot);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    deriveClusterModel(snapshot);
    times.push(performance.now() - start);
  }
  return { brokers, partitions, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), runs };
}
