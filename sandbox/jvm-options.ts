import path from "node:path";
import { usesLog4j2 } from "./kafka-version.js";
import { LOGGING_CONFIG_DIR } from "./sandbox-paths.js";

/**
 * The sandbox must run three brokers plus traffic generators on a 2-core CI
 * machine next to the app under test. C1-only JIT and the serial collector
 * trade peak throughput (irrelevant here) for far less background CPU.
 */
const LOW_CPU = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"];

export const BROKER_JVM_OPTIONS: readonly string[] = ["-Xms128m", "-Xmx512m", ...LOW_CPU, "-XX:+ExitOnOutOfMemoryError"];

/** Tools are started often by tests; they need little heap and live seconds. */
export const TOOL_JVM_OPTIONS: readonly string[] = ["-Xmx256m", ...LOW_CPU];

/** Long-running traffic generators (perf producer, console consumers). */
export const TRAFFIC_JVM_OPTIONS: readonly string[] = ["-Xms32m", "-Xmx192m", ...LOW_CPU];

/**
 * Tags every long-lived JVM we start, so stop can find it in the process table
 * even if a pid file was lost, and never mistakes a recycled pid for ours.
 */
export const PROCESS_MARKER_PROPERTY = "brokerscope.sandbox.process";

export function markerOption(marker: string): string {
  return `-D${PROCESS_MARKER_PROPERTY}=${marker}`;
}

export function javaExecutable(): string {
  const javaHome = process.env["JAVA_HOME"];
  return javaHome !== undefined && javaHome !== "" ? path.join(javaHome, "bin", "java") : "java";
}

/** `-cp dir/*` is expanded by the JVM itself, so no shell is involved. */
export function classpathOptions(libsDir: string): string[] {
  return ["-cp", path.join(libsDir, "*")];
}

export function brokerLoggingOptions(kafkaVersion: string, logsDir: string): string[] {
  return usesLog4j2(kafkaVersion)
    ? [
        `-Dkafka.logs.dir=${logsDir}`,
        `-Dlog4j2.configurationFile=${path.join(LOGGING_CONFIG_DIR, "broker-log4j2.properties")}`,
      ]
    : [
        `-Dkafka.logs.dir=${logsDir}`,
        `-Dlog4j.configuration=file:${path.join(LOGGING_CONFIG_DIR, "broker-log4j.properties")}`,
      ];
}

export function toolLoggingOptions(kafkaVersion: string): string[] {
  return usesLog4j2(kafkaVersion)
    ? [`-Dlog4j2.configurationFile=${path.join(LOGGING_CONFIG_DIR, "tools-log4j2.properties")}`]
    : [`-Dlog4j.configuration=file:${path.join(LOGGING_CONFIG_DIR, "tools-log4j.properties")}`];
}
