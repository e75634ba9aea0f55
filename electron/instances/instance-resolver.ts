import { promises as dns } from 'node:dns';
import { readFile, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import {
  parseInstanceMappingFile,
  resolveHostPattern,
  resolveStatic,
  type BrokerInstanceInfo,
  type InstanceMappingConfig,
  type InstanceMappingEntry,
} from '../../shared/instance-mapping';

export interface ResolverOptions {
  /** Directory a relative mapping-file path is resolved against (the clusters file's). */
  readonly baseDir?: string;
  readonly reverseLookup?: (ip: string) => Promise<string[]>;
  /** A host name's address (dns.lookup: the resolver the broker's clients use, /etc/hosts included). */
  readonly forwardLookup?: (host: string) => Promise<string>;
  readonly now?: () => number;
  readonly dnsTtlMs?: number;
  readonly dnsTimeoutMs?: number;
}

interface DnsEntry {
  /** Null when the lookup failed or timed out: remembered as long as an answer, so a dead DNS server is not asked every poll. */
  readonly answer: string | null;
  readonly expiresAt: number;
}

/**
 * Resolves broker ids to cloud instances with the cluster's chain: static mapping file first, then
 * the host-name pattern, then reverse DNS (the PTR name of the broker's address, through the pattern
 * when one is set). The file is re-read when it changes; DNS answers are cached, so a poll does not
 * wait on DNS twice.
 */
export class InstanceResolver {
  private entries: readonly InstanceMappingEntry[] = [];
  private fileMtime = -1;
  private readonly pattern: RegExp | null;
  private readonly addressCache = new Map<string, DnsEntry>();
  private readonly ptrCache = new Map<string, DnsEntry>();
  private readonly reverseLookup: (ip: string) => Promise<string[]>;
  private readonly forwardLookup: (host: string) => Promise<string>;
  private readonly now: () => number;
  private readonly filePath: string | null;

  constructor(
    private readonly config: InstanceMappingConfig,
    private readonly options: ResolverOptions = {},
  ) {
    this.pattern = config.hostPattern ? new RegExp(config.hostPattern) : null;
    this.reverseLookup = options.reverseLookup ?? ((ip) => dns.reverse(ip));
    this.forwardLookup = options.forwardLookup ?? (async (host) => (await dns.lookup(host)).address);
    this.now = options.now ?? Date.now;
    this.filePath = config.file ? resolve(options.baseDir ?? process.cwd(), config.file) : null;
  }

  /** Loads the mapping file once up front, so a broken file is reported at start, naming the file. */
  async load(): Promise<void> {
    await this.reloadFile(true);
  }

  /**
   * Registered brokers through the whole chain; missing ones (referenced, not registered: no host
   * to go by) through the mapping file's broker ids, so a dead broker still names its instance.
   */
  async resolve(brokers: readonly { id: number; host: string }[], missingIds: readonly number[] = []): Promise<BrokerInstanceInfo[]> {
    await this.reloadFile(false);
    const resolved = await Promise.all(brokers.map((b) => this.resolveOne(b.id, b.host)));
    const missing = missingIds.map((id) => resolveStatic(this.entries, id, null));
    return [...resolved, ...missing].filter((r): r is BrokerInstanceInfo => r !== null);
  }

  private async resolveOne(brokerId: number, host: string): Promise<BrokerInstanceInfo | null> {
    const fromFile = resolveStatic(this.entries, brokerId, host);
    if (fromFile) return fromFile;
    if (this.pattern) {
      const fromHost = resolveHostPattern(this.pattern, brokerId, host);
      if (fromHost) return fromHost;
    }
    if (!this.config.reverseDns) return null;
    const name = await this.reverseName(host);
    if (name === null) return null;
    if (this.pattern) return resolveHostPattern(this.pattern, brokerId, name, 'reverse-dns');
    return { brokerId, instanceId: name, zone: null, instanceType: null, source: 'reverse-dns' };
  }

  /**
   * The PTR name of the broker's address. A broker that advertises a host name is looked up first:
   * its advertised name is what the operator chose, not what the cloud calls the machine, so it is
   * never taken as the instance id.
   */
  private async reverseName(host: string): Promise<string | null> {
    const literal = host.replace(/^\[|\]$/g, '');
    const address = isIP(literal) === 0 ? await this.cached(this.addressCache, literal, this.forwardLookup) : literal;
    if (address === null) return null;
    return this.cached(this.ptrCache, address, async (ip) => (await this.reverseLookup(ip))[0] ?? null);
  }

  private async cached(cache: Map<string, DnsEntry>, key: string, lookup: (key: string) => Promise<string | null>): Promise<string | null> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.answer;
    let answer: string | null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      answer = await Promise.race([
        lookup(key),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), this.options.dnsTimeoutMs ?? 2_000);
        }),
      ]);
    } catch {
      answer = null;
    } finally {
      clearTimeout(timer);
    }
    cache.set(key, { answer, expiresAt: this.now() + (this.options.dnsTtlMs ?? 600_000) });
    return answer;
  }

  private async reloadFile(strict: boolean): Promise<void> {
    if (this.filePath === null) return;
    try {
      const { mtimeMs } = await stat(this.filePath);
      if (mtimeMs === this.fileMtime) return;
      this.entries = parseInstanceMappingFile(JSON.parse(await readFile(this.filePath, 'utf8')), this.filePath);
      this.fileMtime = mtimeMs;
    } catch (error) {
      // At start a broken file stops the app with a clear message; later, a half-written edit keeps the last good mapping.
      if (strict) throw new Error(`Cannot load instance mapping ${this.filePath}: ${(error as Error).message}`);
    }
  }
}
