import { deriveClusterModel } from '../../../shared/cluster-model';
import { memoizePerSnapshot } from './per-snapshot-memo';

export const clusterModelOf = memoizePerSnapshot((snapshot) => deriveClusterModel(snapshot));
