/**
 * `npm run sandbox -- <command> [options]`: drives the Kafka sandbox from a
 * terminal. Thin on purpose: every command is one call into kraft-cluster.ts
 * or seed.ts, so the tests exercise the same code a person does.
 */
import { resolveClusterDir, type ClusterRef } from "./cluster-state.js";
import {
  clusterStatus,
  DEFAULT_BASE_PORT,
  DEFAULT_KAFKA_VERSION,
  DEFAULT_NODE_COUNT,
  isKafkaToolName,
  KAFKA_TOOL_NAMES,
  killNode,
  readClusterState,
  restartNode,
  runKafkaTool,
  SandboxError,
  startCluster,
  stopCluster,
  stopNode,
  toolMainClass,
  bootstrapServers,
  type ClusterStatus,
} from "./kraft-cluster.js";
import { seedCluster } from "./seed.js";

const USAGE = `Usage: npm run sandbox -- <command> [options]

Commands:
  start                 start (or resume) the cluster; returns when every broker is unfenced
  stop [--wipe]         stop brokers and seed traffic; --wipe deletes the cluster directory
  status [--json]       per node: pid alive, client/controller port listening
  seed [--topics-only]  create the demo topics and start background traffic (idempotent)
  kill <node>           SIGKILL one node (node ids are 1..N)
  restart <node>        start a stopped (or held-back) node on its data; returns when it is unfenced
  shutdown <node>       SIGTERM one node: a controlled shutdown, it stays registered (fenced); to
                        retire a broker for good, then \`tool cluster unregister --bootstrap-server @bootstrap --id <node>\`
  tool <name> [args…]   run a Kafka CLI tool from the cluster's jars; exit code is the tool's.
                        "@bootstrap" / "@controllers" expand to the cluster's addresses.
                        Sandbox options must come before <name>; the rest is passed verbatim.
  tools                 list tool names and their main classes for the selected version
  bootstrap             print host:port,host:port of the cluster

Options:
  --name <name>         cluster name (default "default"; lives in .sandbox/<name>)
  --dir <path>          cluster directory (instead of --name)
  --kafka <version>     Kafka version of a new cluster (default ${DEFAULT_KAFKA_VERSION}; 3.9.x and 4.x)
  --nodes <n>           combined broker+controller nodes of a new cluster (default ${DEFAULT_NODE_COUNT})
  --broker-only <n>     broker-only nodes after them (ids n+1…; default 0)
  --hold-back           start leaves the broker-only nodes stopped (add them later with \`restart <node>\`)
  --base-port <p>       first client port (default ${DEFAULT_BASE_PORT}); node i uses p+i-1, controller p+100+i-1
  --racks <a,b,…>       broker.rack per node, cycled (default rack-a,rack-b,rack-c)
  --timeout <seconds>   how long start/restart wait for brokers (default 180/120), or tool runs (default: no limit)

Example:
  npm run sandbox -- tool topics --bootstrap-server @bootstrap --describe --under-replicated-partitions`;

interface CliOptions {
  name?: string;
  dir?: string;
  kafka?: string;
  nodes?: number;
  brokerOnly?: number;
  holdBack: boolean;
  basePort?: number;
  racks?: string[];
  timeoutMs?: number;
  wipe: boolean;
  json: boolean;
  topicsOnly: boolean;
}

interface ParsedArgs {
  readonly command: string | undefined;
  readonly positionals: string[];
  /** Everything after the tool name of `tool`, untouched. */
  readonly passthrough: string[];
  readonly options: CliOptions;
}

class UsageError extends Error {}

function integerOption(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} expects a whole number, got "${raw}"`);
  return Number(raw);
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { wipe: false, json: false, topicsOnly: false, holdBack: false };
  const positionals: string[] = [];
  let command: string | undefined;
  let passthrough: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (command === "tool" && positionals.length === 0 && !arg.startsWith("--")) {
      // The tool name: from here on, arguments belong to Kafka's tool.
      positionals.push(arg);
      passthrough = argv.slice(i + 1);
      break;
    }
    const [flag = "", inlineValue] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg];
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--name": options.name = value(); break;
      case "--dir": options.dir = value(); break;
      case "--kafka": options.kafka = value(); break;
      case "--nodes": options.nodes = integerOption(flag, value()); break;
      case "--broker-only": options.brokerOnly = integerOption(flag, value()); break;
      case "--hold-back": options.holdBack = true; break;
      case "--base-port": options.basePort = integerOption(flag, value()); break;
      case "--racks": options.racks = value().split(",").filter((rack) => rack !== ""); break;
      case "--timeout": options.timeoutMs = integerOption(flag, value()) * 1000; break;
      case "--wipe": options.wipe = true; break;
      case "--json": options.json = true; break;
      case "--topics-only": options.topicsOnly = true; break;
      case "--help": case "-h": return { command: "help", positionals, passthrough, options };
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}`);
        if (command === undefined) command = arg;
        else positionals.push(arg);
    }
  }
  return { command, positionals, passthrough, options };
}

function clusterRef(options: CliOptions): ClusterRef {
  return options.dir !== undefined ? { dir: options.dir } : { name: options.name ?? "default" };
}

function nodeIdArg(positionals: readonly string[], command: string): number {
  const raw = positionals[0];
  if (raw === undefined) throw new UsageError(`${command} needs a node id, e.g. \`${command} 2\``);
  return integerOption("<node>", raw);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printStatus(status: ClusterStatus): void {
  if (status.state === "absent") {
    say(`No sandbox cluster at ${status.dir}`);
    return;
  }
  say(`Cluster "${status.name ?? "?"}" (Kafka ${status.kafkaVersion ?? "?"}, id ${status.clusterId ?? "?"}): ${status.state}`);
  say(`  dir:       ${status.dir}`);
  say(`  bootstrap: ${status.bootstrap ?? "?"}`);
  for (const node of status.nodes) {
    const proc = node.alive ? `pid ${node.pid ?? "?"} alive` : "not running";
    const controller = node.role === "broker" ? "broker only" : `controller :${node.controllerPort} ${node.controllerListening ? "listening" : "closed"}`;
    const ports = `:${node.port} ${node.listening ? "listening" : "closed"}, ${controller}`;
    say(`  node ${node.id} ${node.rack.padEnd(8)} ${proc.padEnd(20)} ${ports}`);
  }
  for (const traffic of status.traffic) {
    say(`  traffic ${traffic.role.padEnd(24)} ${traffic.alive ? `pid ${traffic.pid ?? "?"} alive` : "not running"}  (${traffic.description})`);
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const { command, positionals, passthrough, options } = parseArgs(argv);
  const ref = clusterRef(options);
  switch (command) {
    case undefined:
    case "help":
      say(USAGE);
      return command === undefined ? 2 : 0;
    case "start": {
      const result = await startCluster({
        ...(options.dir === undefined ? {} : { dir: options.dir }),
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.kafka === undefined ? {} : { kafkaVersion: options.kafka }),
        ...(options.nodes === undefined ? {} : { nodes: options.nodes }),
        ...(options.brokerOnly === undefined ? {} : { brokerOnlyNodes: options.brokerOnly }),
        ...(options.holdBack ? { startBrokerOnlyNodes: false } : {}),
        ...(options.basePort === undefined ? {} : { basePort: options.basePort }),
        ...(options.racks === undefined ? {} : { racks: options.racks }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        log: say,
      });
      const { state } = result;
      say(
        result.alreadyRunning
          ? `Cluster "${state.name}" is already running; nothing to do.`
          : `Cluster "${state.name}" (Kafka ${state.kafkaVersion}, ${result.startedNodeIds.length} of ${state.nodes.length} nodes started) ready in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
      );
      printStatus(await clusterStatus(ref));
      return 0;
    }
    case "stop": {
      const result = await stopCluster(ref, { wipe: options.wipe });
      if (!result.existed && result.stoppedPids.length === 0) say(`No sandbox cluster at ${result.dir}; nothing to stop.`);
      else {
        say(`Stopped ${result.stoppedPids.length} process(es)${result.killed.length > 0 ? ` (SIGKILL needed for ${result.killed.join(", ")})` : ""}; all ports free.`);
      }
      if (result.wiped) say(`Deleted ${result.dir}`);
      return 0;
    }
    case "status": {
      const status = await clusterStatus(ref);
      if (options.json) say(JSON.stringify(status, null, 2));
      else printStatus(status);
      return 0;
    }
    case "seed": {
      const result = await seedCluster(ref, { topicsOnly: options.topicsOnly, log: say });
      say(`Topics created: ${result.createdTopics.join(", ") || "none"}; already there: ${result.existingTopics.join(", ") || "none"}`);
      if (!options.topicsOnly) {
        say(`Traffic started: ${result.startedTraffic.join(", ") || "none"}; already running: ${result.runningTraffic.join(", ") || "none"}`);
      }
      return 0;
    }
    case "kill": {
      const result = await killNode(ref, nodeIdArg(positionals, "kill"));
      say(`Killed node ${result.nodeId} (pid ${result.pid}) with SIGKILL.`);
      return 0;
    }
    case "shutdown": {
      const result = await stopNode(ref, nodeIdArg(positionals, "shutdown"));
      say(`Stopped node ${result.nodeId} (pid ${result.pid})${result.killed ? " with SIGKILL after the grace period" : " cleanly"}.`);
      return 0;
    }
    case "restart": {
      const result = await restartNode(ref, nodeIdArg(positionals, "restart"), {
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      say(
        result.alreadyRunning
          ? `Node ${result.nodeId} is already running (pid ${result.pid}); nothing to do.`
          : `Node ${result.nodeId} is up (pid ${result.pid}), registered and unfenced after ${(result.elapsedMs / 1000).toFixed(1)} s.`,
      );
      return 0;
    }
    case "tool": {
      const toolName = positionals[0];
      if (toolName === undefined || !isKafkaToolName(toolName)) {
        throw new UsageError(`tool needs one of: ${KAFKA_TOOL_NAMES.join(", ")}${toolName === undefined ? "" : ` (got "${toolName}")`}`);
      }
      // Only console-producer reads records from stdin, and only piped ones: a
      // TTY, or a parent that never closes our stdin, would block forever.
      const input = toolName === "console-producer" && process.stdin.isTTY !== true ? await readStdin() : undefined;
      const result = await runKafkaTool(toolName, passthrough, {
        cluster: ref,
        ...(options.kafka === undefined ? {} : { kafkaVersion: options.kafka }),
        // A person at a terminal decides when a console consumer has run long enough.
        timeoutMs: options.timeoutMs ?? 0,
        ...(input === undefined ? {} : { input }),
        echo: true,
      });
      if (result.timedOut) process.stderr.write(`sandbox: ${toolName} was killed after its timeout\n`);
      return result.code;
    }
    case "tools": {
      const version = options.kafka ?? readClusterState(resolveClusterDir(ref))?.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
      say(`Kafka ${version}:`);
      for (const tool of KAFKA_TOOL_NAMES) say(`  ${tool.padEnd(20)} ${toolMainClass(tool, version)}`);
      return 0;
    }
    case "bootstrap": {
      const state = readClusterState(resolveClusterDir(ref));
      if (state === undefined) {
        throw new SandboxError("No sandbox cluster", resolveClusterDir(ref), "cluster.json is missing; run `start` first");
      }
      say(bootstrapServers(state));
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`sandbox: ${err.message}\nRun \`npm run sandbox -- help\` for commands and options.\n`);
      process.exitCode = 2;
    } else if (err instanceof SandboxError) {
      process.stderr.write(`sandbox: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`sandbox: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
