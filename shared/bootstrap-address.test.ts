import { describe, expect, it } from 'vitest';
import { parseBootstrap } from './bootstrap-address';
import { parseProfiles } from './cluster-profile';

describe('parseBootstrap', () => {
  it('parses a list of host:port entries', () => {
    expect(parseBootstrap(' 127.0.0.1:19092, kafka-2.example.com:9093 ,[::1]:9094')).toEqual([
      { host: '127.0.0.1', port: 19092 },
      { host: 'kafka-2.example.com', port: 9093 },
      { host: '[::1]', port: 9094 },
    ]);
  });

  it.each([
    ['', /empty/],
    ['127.0.0.1', /"127.0.0.1" has no port/],
    ['a:1,,b:2', /empty entry \(entry 2 of "a:1,,b:2"\)/],
    ['host:abc', /invalid port "abc"/],
    ['host:70000', /port 70000 out of range/],
    ['bad host:9092', /invalid host "bad host"/],
  ])('rejects %j with a specific message', (text, message) => {
    expect(() => parseBootstrap(text)).toThrow(message);
  });
});

describe('parseProfiles', () => {
  it('fills defaults and derives a stable key', () => {
    const [profile] = parseProfiles({ clusters: [{ name: 'Prod EU 1', bootstrap: 'k1:9092' }] }, 'clusters.json');
    expect(profile).toMatchObject({ key: 'prod-eu-1', pollIntervalMs: 5_000, requestTimeoutMs: 5_000, ssl: false });
  });

  it('names the file, the cluster and the field that is wrong', () => {
    expect(() => parseProfiles({ clusters: [{ name: 'a', bootstrap: 'nope' }] }, 'clusters.json')).toThrow(
      /Invalid cluster configuration in clusters.json: clusters.0.bootstrap: Bootstrap address "nope" has no port/,
    );
  });
});
