import { z } from 'zod';

/** Where the heartbeat writes unless the user or the profile names another topic. */
export const DEFAULT_HEARTBEAT_TOPIC = '__brokerscope_heartbeat';

/** Kafka's own rule for topic names (Topic.java): 1–249 of [a-zA-Z0-9._-], not "." or "..". */
export const heartbeatTopicSchema = z
  .string()
  .min(1)
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, 'a topic name uses only letters, digits, ".", "_" and "-"')
  .refine((name) => name !== '.' && name !== '..', 'a topic cannot be named "." or ".."');
