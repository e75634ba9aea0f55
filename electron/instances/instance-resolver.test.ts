import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceResolver } from './instance-resolver';

const brokers = [
  { id: 1, host: '10.1.2.3' },
  { id: 2, host: 'i-0b2.eu-west-1b.kafka' },
  { id: 3, host: '10.1.2.5' },
];

describe('InstanceResolver', () => {
  it('walks the chain: static file, then host pattern, then reverse DNS through the pattern', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(join(dir, 'instances.json'), JSON.stringify({ instances: [{ broker: 1, instanceId: 'i-0a1', zone: 'eu-west-1a' }] }));
    const lookups: string[] = [];
    const forward: string[] = [];
    const resolver = new InstanceResolver(
      { file: 'instances.json', hostPattern: '^(?<instanceId>i-[0-9a-f]+)\\.(?<zone>[a-z0-9-]+)\\.kafka$', reverseDns: true },
      {
        baseDir: dir,
        reverseLookup: async (ip) => {
          lookups.push(ip);
          return ip === '10.1.2.5' ? ['i-0c3.eu-west-1c.kafka'] : [];
        },
        forwardLookup: async (host) => {
          forward.push(host);
          throw new Error(`ENOTFOUND ${host}`);
        },
      },
    );
    await resolver.load();
    const result = await resolver.resolve(brokers);
    expect(result).toEqual([
      { brokerId: 1, instanceId: 'i-0a1', zone: 'eu-west-1a', instanceType: null, source: 'static' },
      { brokerId: 2, instanceId: 'i-0b2', zone: 'eu-west-1b', instanceType: null, source: 'host-pattern' },
      { brokerId: 3, instanceId: 'i-0c3', zone: 'eu-west-1c', instanceType: null, source: 'reverse-dns' },
    ]);
    await resolver.resolve(brokers);
    expect(lookups).toEqual(['10.1.2.5']); // cached
    expect(forward).toEqual([]); // an IP needs no forward lookup
  });

  describe('reverse DNS of a broker that advertises a host name', () => {
    const named = [{ id: 5, host: 'kafka-5.prod.example' }];
    const addresses: Record<string, string> = { 'kafka-5.prod.example': '10.9.0.5' };
    const ptr: Record<string, string> = { '10.9.0.5': 'i-0e5.eu-west-1b.kafka' };

    function resolverWith(options: ConstructorParameters<typeof InstanceResolver>[1], hostPattern?: string) {
      const calls: string[] = [];
      const resolver = new InstanceResolver(
        { reverseDns: true, ...(hostPattern === undefined ? {} : { hostPattern }) },
        {
          forwardLookup: async (host) => {
            calls.push(`lookup ${host}`);
            const address = addresses[host];
            if (address === undefined) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
            return address;
          },
          reverseLookup: async (ip) => {
            calls.push(`reverse ${ip}`);
            const name = ptr[ip];
            return name === undefined ? [] : [name];
          },
          ...options,
        },
      );
      return { resolver, calls };
    }

    it('names the instance from the PTR name of the address the host name points to, through the pattern', async () => {
      const { resolver, calls } = resolverWith({}, '^(?<instanceId>i-[0-9a-f]+)\\.(?<zone>[a-z0-9-]+)\\.kafka$');
      expect(await resolver.resolve(named)).toEqual([{ brokerId: 5, instanceId: 'i-0e5', zone: 'eu-west-1b', instanceType: null, source: 'reverse-dns' }]);
      expect(calls).toEqual(['lookup kafka-5.prod.example', 'reverse 10.9.0.5']);
    });

    it('takes the PTR name itself as the instance id without a pattern, never the advertised name', async () => {
      const { resolver } = resolverWith({});
      expect(await resolver.resolve(named)).toEqual([{ brokerId: 5, instanceId: 'i-0e5.eu-west-1b.kafka', zone: null, instanceType: null, source: 'reverse-dns' }]);
    });

    it('resolves to no instance when the host name does not resolve, or its address has no PTR name', async () => {
      const { resolver } = resolverWith({});
      expect(await resolver.resolve([{ id: 6, host: 'kafka-6.prod.example' }])).toEqual([]);
      const { resolver: noPtr } = resolverWith({ reverseLookup: async () => [] });
      expect(await noPtr.resolve(named)).toEqual([]);
    });

    it('resolves to no instance when either lookup times out', async () => {
      const never = () => new Promise<never>(() => undefined);
      const { resolver: slowForward } = resolverWith({ forwardLookup: never, dnsTimeoutMs: 20 });
      expect(await slowForward.resolve(named)).toEqual([]);
      const { resolver: slowReverse } = resolverWith({ reverseLookup: never, dnsTimeoutMs: 20 });
      expect(await slowReverse.resolve(named)).toEqual([]);
    });

    it('keeps both answers, and a failure, for the TTL, then asks again', async () => {
      let now = 0;
      const { resolver, calls } = resolverWith({ now: () => now, dnsTtlMs: 60_000 });
      const both = [...named, { id: 6, host: 'kafka-6.prod.example' }];
      await resolver.resolve(both);
      now = 59_999;
      await resolver.resolve(both);
      expect(calls).toEqual(['lookup kafka-5.prod.example', 'lookup kafka-6.prod.example', 'reverse 10.9.0.5']);
      now = 60_000;
      calls.length = 0;
      expect((await resolver.resolve(both)).map((i) => i.instanceId)).toEqual(['i-0e5.eu-west-1b.kafka']);
      expect(calls).toEqual(['lookup kafka-5.prod.example', 'lookup kafka-6.prod.example', 'reverse 10.9.0.5']);
    });
  });

  it('names the instance of a missing broker from its id in the mapping file: nothing else is known of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(
      join(dir, 'instances.json'),
      JSON.stringify({ instances: [{ broker: 4, instanceId: 'i-0d4', zone: 'eu-west-1a' }, { host: '10.1.2.3', instanceId: 'i-host' }] }),
    );
    const resolver = new InstanceResolver({ file: 'instances.json', reverseDns: false }, { baseDir: dir });
    await resolver.load();
    expect(await resolver.resolve([{ id: 1, host: '10.1.2.3' }], [4, 5])).toEqual([
      { brokerId: 1, instanceId: 'i-host', zone: null, instanceType: null, source: 'static' },
      { brokerId: 4, instanceId: 'i-0d4', zone: 'eu-west-1a', instanceType: null, source: 'static' },
    ]);
  });

  it('refuses a broken mapping file at start, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(join(dir, 'bad.json'), '{"instances": [{"broker": "one"}]}');
    const resolver = new InstanceResolver({ file: 'bad.json', reverseDns: false }, { baseDir: dir });
    await expect(resolver.load()).rejects.toThrow(/Cannot load instance mapping .*bad\.json: Invalid instance mapping/);
  });
});
