import { randomBytes } from "node:crypto";

/**
 * A KRaft cluster id in the format Kafka's Uuid.randomUuid() produces: 16
 * random bytes, base64url without padding (22 chars). Like Kafka, reject ids
 * starting with "-" because command-line parsers would take them for a flag.
 */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}
