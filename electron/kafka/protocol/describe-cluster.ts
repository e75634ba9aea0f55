/**
 * DescribeCluster (api key 60), per Kafka's DescribeClusterRequest/Response.json:
 * flexible from v0; v1 adds EndpointType; v2 (Kafka 4.0, KIP-1073) adds the
 * request's IncludeFencedBrokers and each broker's IsFenced. Before v2 the broker
 * lists only unfenced brokers.
 */
import { throwIfError } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';
import type { WireReader } from './wire-reader';

export interface DescribeClusterBroker {
  readonly brokerId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
  /** v2+ only; null when the version used cannot say (fenced brokers are then left out). */
  readonly isFenced: boolean | null;
}

export interface DescribeClusterResult {
  /** The api version the exchange used. */
  readonly apiVersion: number;
  readonly clusterId: string;
  /** Under KRaft, brokers report a random live broker here, not the active controller; use DescribeQuorum's leader for that. */
  readonly controllerId: number;
  readonly brokers: readonly DescribeClusterBroker[];
}

/** EndpointType 1: describe the brokers (2 would be controllers, valid only on a controller listener). */
const ENDPOINT_TYPE_BROKERS = 1;

export const describeClusterApi: RawApi<DescribeClusterResult> = {
  apiKey: 60,
  apiName: 'DescribeCluster',
  versions: { minVersion: 0, maxVersion: 2 },
  firstFlexibleVersion: 0,
  encode(writer, version) {
    writer.bool(false); // IncludeClusterAuthorizedOperations: we do not show ACL bits.
    if (version >= 1) writer.int8(ENDPOINT_TYPE_BROKERS);
    if (version >= 2) writer.bool(true); // IncludeFencedBrokers: a fenced broker is exactly what we want to see.
    writer.emptyTaggedFields();
  },
  decode(reader, version) {
    reader.int32(); // ThrottleTimeMs: DescribeCluster is throttled broker-side, nothing for us to do.
    const errorCode = reader.int16();
    const errorMessage = reader.compactNullableString();
    if (version >= 1) reader.int8(); // EndpointType echoed back.
    const clusterId = reader.compactString();
    const controllerId = reader.int32();
    const brokers = reader.compactArray((r) => readBroker(r, version));
    reader.int32(); // ClusterAuthorizedOperations: not requested.
    reader.skipTaggedFields();
    throwIfError(errorCode, 'DescribeCluster', { serverMessage: errorMessage });
    return { apiVersion: version, clusterId, controllerId, brokers };
  },
};

function readBroker(reader: WireReader, version: number): DescribeClusterBroker {
  const brokerId = reader.int32();
  const host = reader.compactString();
  const port = reader.int32();
  const rack = reader.compactNullableString();
  const isFenced = version >= 2 ? reader.bool() : null;
  reader.skipTaggedFields();
  return { brokerId, host, port, rack, isFenced };
}

/** Describes the cluster as seen by `broker` (any broker will do). */
export async function describeCluster(broker: RawBroker, options?: SendOptions): Promise<DescribeClusterResult> {
  return sendRaw(broker, describeClusterApi, options);
}
