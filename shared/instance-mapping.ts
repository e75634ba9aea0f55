import { z } from 'zod';

/** Which resolver of the chain answered. */
export type InstanceSource = 'static' | 'host-pattern' | 'reverse-dns';

/** Where a broker runs: the cloud instance behind a broker id, for the on-call engineer's console. */
export interface BrokerInstanceInfo {
  readonly brokerId: number;
  readonly instanceId: string;
  readonly zone: string | null;
  readonly instanceType: string | null;
  readonly source: InstanceSource;
}

/** How the UI says where an instance id came from, so a surprising one can be traced to its resolver. */
export const INSTANCE_SOURCE_LABELS: Record<InstanceSource, string> = {
  static: 'from the mapping file',
  'host-pattern': 'from the host name',
  'reverse-dns': 'from reverse DNS',
};

/** The per-cluster resolver chain: a static mapping file, then a host-name pattern, then reverse DNS. */
export const instanceMappingSchema = z
  .object({
    file: z.string().min(1).optional(),
    hostPattern: z
      .string()
      .min(1)
      .superRefine((pattern, ctx) => {
        try {
          const groups = new RegExp(pattern).source;
          if (!groups.includes('(?<instanceId>')) ctx.addIssue({ code: 'custom', message: 'needs a named group (?<instanceId>…); (?<zone>…) and (?<instanceType>…) are optional' });
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
        }
      })
      .optional(),
    reverseDns: z.boolean().default(false),
  })
  .strict();

export type InstanceMappingConfig = z.output<typeof instanceMappingSchema>;

const mappingEntrySchema = z
  .object({
    broker: z.number().int().nonnegative().optional(),
    host: z.string().min(1).optional(),
    instanceId: z.string().min(1),
    zone: z.string().min(1).optional(),
    instanceType: z.string().min(1).optional(),
  })
  .strict()
  .refine((e) => e.broker !== undefined || e.host !== undefined, { message: 'each entry needs "broker" (id) or "host"' });

export const instanceMappingFileSchema = z.object({ instances: z.array(mappingEntrySchema) }).strict();
export type InstanceMappingEntry = z.output<typeof mappingEntrySchema>;

/** Validates a static mapping file's JSON; the error names the file, the entry and the field. */
export function parseInstanceMappingFile(json: unknown, source: string): InstanceMappingEntry[] {
  const result = instanceMappingFileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid instance mapping in ${source}: ${issues}`);
  }
  return result.data.instances;
}

/** A broker id entry wins over a host entry: ids are what Kafka reports, hosts can be aliases. */
export function resolveStatic(entries: readonly InstanceMappingEntry[], brokerId: number, host: string | null): BrokerInstanceInfo | null {
  const entry = entries.find((e) => e.broker === brokerId) ?? (host === null ? undefined : entries.find((e) => e.broker === undefined && e.host === host));
  if (entry === undefined) return null;
  return { brokerId, instanceId: entry.instanceId, zone: entry.zone ?? null, instanceType: entry.instanceType ?? null, source: 'static' };
}

/** Applies a host-name pattern with named groups instanceId, zone and instanceType. */
export function resolveHostPattern(
  pattern: RegExp,
  brokerId: number,
  host: string,
  source: InstanceSource = 'host-pattern',
): BrokerInstanceInfo | null {
  const groups = pattern.exec(host)?.groups;
  const instanceId = groups?.instanceId;
  if (instanceId === undefined || instanceId === '') return null;
  return { brokerId, instanceId, zone: groups?.zone || null, instanceType: groups?.instanceType || null, source };
}
