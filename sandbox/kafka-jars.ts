import fs from "node:fs";
import path from "node:path";
import { parseKafkaVersion } from "./kafka-version.js";
import { lastLines, runProcess } from "./run-process.js";
import { SandboxError, errorMessage } from "./sandbox-error.js";
import { kafkaCacheDir, SANDBOX_POM } from "./sandbox-paths.js";

const MARKER_FILE = "jars.complete";
/** Debian's Maven colours its errors even with -B; keep them out of our messages. */
const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

export function kafkaLibsDir(version: string): string {
  return path.join(kafkaCacheDir(version), "libs");
}

/**
 * Makes sure Kafka's jars for `version` are in .cache/kafka/<version>/libs and
 * returns that directory. Maven runs only the first time: a marker file written
 * after a successful copy makes later calls free, and a copy that died half way
 * (no marker) is thrown away and redone.
 */
export async function ensureKafkaJars(version: string, log: (line: string) => void = () => undefined): Promise<string> {
  const { major } = parseKafkaVersion(version);
  const cacheDir = kafkaCacheDir(version);
  const libsDir = kafkaLibsDir(version);
  if (fs.existsSync(path.join(cacheDir, MARKER_FILE))) return libsDir;

  fs.mkdirSync(cacheDir, { recursive: true });
  // Download into a private dir and rename, so two processes fetching the same
  // version at once (parallel tests) never see a half-filled libs dir.
  const stagingDir = path.join(cacheDir, `libs.staging-${process.pid}-${Date.now()}`);
  log(`Fetching Kafka ${version} jars from Maven Central into ${libsDir} (first use of this version)...`);
  const profile = major >= 4 ? "kafka4" : "kafka3";
  let result;
  try {
    result = await runProcess(
      "mvn",
      [
        "-q",
        "-B",
        "-Dstyle.color=never",
        // Re-check artifacts an earlier run found missing: Maven caches that
        // verdict, and a release can reach Central piece by piece.
        "-U",
        "-f",
        SANDBOX_POM,
        `-P${profile}`,
        "dependency:copy-dependencies",
        `-Dkafka.version=${version}`,
        `-DoutputDirectory=${stagingDir}`,
      ],
      { timeoutMs: 15 * 60_000 },
    );
  } catch (err) {
    throw new SandboxError(
      `Could not run Maven to fetch Kafka ${version}`,
      `mvn -f ${SANDBOX_POM}`,
      `${errorMessage(err)} (is Maven 3.8+ installed and on PATH?)`,
    );
  }
  if (result.code !== 0) {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    // An empty .cache/kafka/<bad version> would only confuse the next reader.
    if (fs.readdirSync(cacheDir).length === 0) fs.rmdirSync(cacheDir);
    throw new SandboxError(
      `Maven could not resolve Kafka ${version}`,
      `mvn -f ${SANDBOX_POM} -P${profile} dependency:copy-dependencies -Dkafka.version=${version}`,
      `exit ${result.code}; is ${version} a release with kafka_2.13 and kafka-tools on Maven Central?\n` +
        lastLines(`${result.stdout}\n${result.stderr}`.replace(ANSI_COLOR, ""), 25),
    );
  }
  if (!fs.existsSync(libsDir)) {
    try {
      fs.renameSync(stagingDir, libsDir);
    } catch (err) {
      // Lost the race to another process: its copy is as good as ours.
      if (!fs.existsSync(libsDir)) throw err;
    }
  }
  fs.rmSync(stagingDir, { recursive: true, force: true });
  fs.writeFileSync(path.join(cacheDir, MARKER_FILE), `${new Date().toISOString()}\n`);
  return libsDir;
}
