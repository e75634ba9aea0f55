import { SandboxError } from "./sandbox-error.js";

/**
 * Newest Kafka release whose every artifact is on Maven Central. 4.4.0's
 * kafka_2.13 was published without kafka-tools / kafka-tools-api when this was
 * chosen, so it cannot resolve; bump once `mvn dependency:get
 * -Dartifact=org.apache.kafka:kafka-tools:<v>` succeeds.
 */
export const DEFAULT_KAFKA_VERSION = "4.3.1";

export interface KafkaVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export function parseKafkaVersion(version: string): KafkaVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (match === null) {
    throw new SandboxError(
      `Invalid Kafka version "${version}"`,
      "--kafka / kafkaVersion option",
      "expected a release number such as 4.3.1 or 3.9.1",
    );
  }
  const [, major = "0", minor = "0", patch = "0"] = match;
  const parsed = { major: Number(major), minor: Number(minor), patch: Number(patch) };
  // The tool class map and the KRaft-only setup below are only known to hold
  // from 3.9 on (earlier 3.x kept several tools in kafka.admin.*).
  if (parsed.major < 3 || (parsed.major === 3 && parsed.minor < 9)) {
    throw new SandboxError(
      `Unsupported Kafka version ${version}`,
      "--kafka / kafkaVersion option",
      "the sandbox supports Kafka 3.9.x and 4.x (KRaft, tool class names)",
    );
  }
  return parsed;
}

/** Negative when a < b, as for Array.prototype.sort. */
export function compareKafkaVersions(a: KafkaVersion, b: KafkaVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function isAtLeast(version: string, floor: string): boolean {
  return compareKafkaVersions(parseKafkaVersion(version), parseKafkaVersion(floor)) >= 0;
}

/** Kafka 4.0 moved from reload4j to log4j2; everything logging-related keys off this. */
export function usesLog4j2(version: string): boolean {
  return parseKafkaVersion(version).major >= 4;
}
