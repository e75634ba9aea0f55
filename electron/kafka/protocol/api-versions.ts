/**
 * ApiVersions (api key 18), per Kafka's ApiVersionsRequest/Response.json, used as the lightest
 * request a broker answers: no disk, no controller, no locks, so its round trip is the broker's
 * request path and the network, nothing else. Only v0–v2: v3 is flexible, and ApiVersions is the
 * one API whose flexible response still uses header v0 (no tagged fields), which the generic
 * framing in raw-broker.ts would misread. v2 is answered by every Kafka since 2.0.
 */
import { throwIfError } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';

export interface ApiVersionsResult {
  readonly apiVersion: number;
  readonly apiKeys: readonly { readonly apiKey: number; readonly minVersion: number; readonly maxVersion: number }[];
}

export const apiVersionsApi: RawApi<ApiVersionsResult> = {
  apiKey: 18,
  apiName: 'ApiVersions',
  versions: { minVersion: 0, maxVersion: 2 },
  firstFlexibleVersion: 3,
  encode() {
    // v0–v2 requests have no fields.
  },
  decode(reader, version) {
    const errorCode = reader.int16();
    const apiKeys = reader.array((r) => ({ apiKey: r.int16(), minVersion: r.int16(), maxVersion: r.int16() }));
    if (version >= 1) reader.int32(); // ThrottleTimeMs
    throwIfError(errorCode, 'ApiVersions');
    return { apiVersion: version, apiKeys };
  },
};

export async function apiVersions(broker: RawBroker, options?: SendOptions): Promise<ApiVersionsResult> {
  return sendRaw(broker, apiVersionsApi, options);
}
