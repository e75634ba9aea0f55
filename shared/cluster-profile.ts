import { z } from 'zod';
import { parseBootstrap } from './bootstrap-address';
import { instanceMappingSchema } from './instance-mapping';
import { DEFAULT_HEARTBEAT_TOPIC, heartbeatTopicSchema } from './heartbeat-topic';

const saslSchema = z
  .object({
    mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
    username: z.string().min(1),
    password: z.string(),
  })
  .strict();

/** One cluster the app polls. Credentials live here, in the main process only: never sent to the renderer. */
export const clusterProfileSchema = z
  .object({
    name: z.string().min(1).max(100),
    bootstrap: z.string().superRefine((text, ctx) => {
      try {
        parseBootstrap(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
    pollIntervalMs: z.number().int().min(1_000).max(3_600_000).default(5_000),
    requestTimeoutMs: z.number().int().min(500).max(120_000).default(5_000),
    ssl: z.boolean().default(false),
    sasl: saslSchema.optional(),
    /** The end-to-end heartbeat writes to the cluster, so it is off unless the profile or the user turns it on. */
    heartbeat: z
      .object({ enabled: z.boolean().default(false), topic: heartbeatTopicSchema.default(DEFAULT_HEARTBEAT_TOPIC) })
      .strict()
      .optional(),
    /** Broker id → instance id resolver chain: a static mapping file, a host-name pattern, reverse DNS. */
    instances: instanceMappingSchema.optional(),
  })
  .strict();

export type ClusterProfileInput = z.input<typeof clusterProfileSchema>;
export type ClusterProfile = z.output<typeof clusterProfileSchema> & { readonly key: string };

export const clustersFileSchema = z.object({ clusters: z.array(clusterProfileSchema).min(1) }).strict();

/** Validates profiles (from a file or the command line); errors say which cluster and which field. */
export function parseProfiles(input: unknown, source: string): ClusterProfile[] {
  const result = clustersFileSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid cluster configuration in ${source}: ${issues}`);
  }
  const seen = new Set<string>();
  return result.data.clusters.map((profile) => {
    const key = profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cluster';
    if (seen.has(key)) throw new Error(`Invalid cluster configuration in ${source}: two clusters are named "${profile.name}"`);
    seen.add(key);
    return { ...profile, key };
  });
}
