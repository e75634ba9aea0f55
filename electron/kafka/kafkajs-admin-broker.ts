/**
 * The kafkajs `Broker` methods the gateway calls directly, so each request goes to the one broker
 * that owns the data (batched per broker) instead of kafkajs's admin helpers, which fan out per
 * topic or per group. kafkajs declares none of these in its .d.ts; they are checked at runtime here.
 */
import { asRawBroker } from './kafkajs-internals';
import type { RawBroker } from './protocol/raw-broker';

export interface ListOffsetsPartitionResult {
  readonly partition: number;
  readonly errorCode: number;
  readonly offset: string;
}

export interface ConfigEntry {
  readonly configName: string;
  readonly configValue: string | null;
}

export interface DescribeConfigsResource {
  readonly errorCode: number;
  readonly resourceName: string;
  readonly configEntries: readonly ConfigEntry[];
}

export interface GroupMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberAssignment: Buffer;
}

export interface DescribedGroup {
  readonly errorCode: number;
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  readonly members: readonly GroupMember[];
}

export interface OffsetFetchPartition {
  readonly partition: number;
  readonly offset: string;
  readonly errorCode: number;
}

export interface AdminBroker extends RawBroker {
  listOffsets(args: {
    replicaId?: number;
    isolationLevel: number;
    topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[];
  }): Promise<{ responses: { topic: string; partitions: ListOffsetsPartitionResult[] }[] }>;
  describeConfigs(args: {
    resources: { type: number; name: string; configNames: string[] }[];
    includeSynonyms: boolean;
  }): Promise<{ resources: DescribeConfigsResource[] }>;
  listGroups(): Promise<{ groups: { groupId: string; protocolType: string }[] }>;
  describeGroups(args: { groupIds: string[] }): Promise<{ groups: DescribedGroup[] }>;
  offsetFetch(args: {
    groupId: string;
    topics: { topic: string; partitions: { partition: number }[] }[];
  }): Promise<{ responses: { topic: string; partitions: OffsetFetchPartition[] }[] }>;
}

const ADMIN_METHODS = ['listOffsets', 'describeConfigs', 'listGroups', 'describeGroups', 'offsetFetch'] as const;

export function asAdminBroker(broker: RawBroker): AdminBroker {
  const checked = asRawBroker(broker) as unknown as Record<string, unknown>;
  for (const name of ADMIN_METHODS) {
    if (typeof checked[name] !== 'function') throw new Error(`kafkajs internals changed: Broker has no ${name}()`);
  }
  return checked as unknown as AdminBroker;
}
