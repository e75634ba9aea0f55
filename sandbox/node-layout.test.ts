import { describe, expect, it } from "vitest";
import { renderBrokerProperties } from "./broker-properties.js";
import { bootstrapControllers, bootstrapServers, CLUSTER_STATE_SCHEMA, type ClusterState, type NodeState } from "./cluster-state.js";
import { allPorts, planNodes } from "./node-layout.js";

describe("planNodes", () => {
  it("puts node i on basePort+i-1 and its controller 100 above, cycling racks", () => {
    const nodes = planNodes({ dir: "/x", nodes: 4, basePort: 19092, racks: ["rack-a", "rack-b", "rack-c"] });
    expect(nodes.map((n) => [n.id, n.port, n.controllerPort, n.rack])).toEqual([
      [1, 19092, 19192, "rack-a"],
      [2, 19093, 19193, "rack-b"],
      [3, 19094, 19194, "rack-c"],
      [4, 19095, 19195, "rack-a"],
    ]);
    expect(allPorts(nodes)).toHaveLength(8);
  });

  it("rejects port ranges and node counts that cannot work", () => {
    expect(() => planNodes({ dir: "/x", nodes: 3, basePort: 65500, racks: ["r"] })).toThrow(/Invalid base port/);
    expect(() => planNodes({ dir: "/x", nodes: 0, basePort: 19092, racks: ["r"] })).toThrow(/Invalid node count/);
    expect(() => planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: 7, basePort: 19092, racks: ["r"] })).toThrow(/Invalid broker-only node count/);
    expect(() => planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: -1, basePort: 19092, racks: ["r"] })).toThrow(/Invalid broker-only node count/);
  });

  it("puts broker-only nodes after the combined ones in the same port scheme, racks still cycling", () => {
    const nodes = planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: 2, basePort: 19092, racks: ["rack-a", "rack-b", "rack-c"] });
    expect(nodes.map((n) => [n.id, n.role, n.port, n.controllerPort, n.rack])).toEqual([
      [1, "combined", 19092, 19192, "rack-a"],
      [2, "combined", 19093, 19193, "rack-b"],
      [3, "combined", 19094, 19194, "rack-c"],
      [4, "broker", 19095, 19195, "rack-a"],
      [5, "broker", 19096, 19196, "rack-b"],
    ]);
    // They count towards the port range: 3 nodes fit below 65536 from 65433, a 4th does not.
    expect(planNodes({ dir: "/x", nodes: 3, basePort: 65433, racks: ["r"] })).toHaveLength(3);
    expect(() => planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: 1, basePort: 65433, racks: ["r"] })).toThrow(/ports 65433\.\.65536/);
  });
});

describe("bootstrap addresses", () => {
  const state = (nodes: NodeState[]): ClusterState => ({
    schema: CLUSTER_STATE_SCHEMA,
    name: "x",
    dir: "/x",
    kafkaVersion: "4.3.1",
    clusterId: "id",
    createdAt: "",
    basePort: 19092,
    nodes,
    traffic: [],
  });

  it("names only the combined nodes, which run whenever the cluster does", () => {
    const grown = state(planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: 1, basePort: 19092, racks: ["rack-a"] }));
    expect(bootstrapServers(grown)).toBe("127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094");
    expect(bootstrapControllers(grown)).toBe("127.0.0.1:19192,127.0.0.1:19193,127.0.0.1:19194");
  });

  it("treats nodes from state written before roles existed as combined", () => {
    const legacy = planNodes({ dir: "/x", nodes: 2, basePort: 19092, racks: ["rack-a"] }).map(({ role: _role, ...node }) => node);
    expect(bootstrapServers(state(legacy))).toBe("127.0.0.1:19092,127.0.0.1:19093");
  });
});

describe("renderBrokerProperties", () => {
  it("makes a broker-only node follow the combined nodes' quorum without a controller listener", () => {
    const nodes = planNodes({ dir: "/x", nodes: 3, brokerOnlyNodes: 1, basePort: 19092, racks: ["rack-a", "rack-b", "rack-c", "rack-d"] });
    const [first, , , fourth] = nodes;
    if (first === undefined || fourth === undefined) throw new Error("missing node");
    const props = renderBrokerProperties(fourth, nodes);
    expect(props).toContain("process.roles=broker\n");
    expect(props).toContain("node.id=4\n");
    expect(props).toContain("broker.rack=rack-d\n");
    expect(props).toContain("controller.quorum.voters=1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194\n");
    expect(props).toContain("listeners=PLAINTEXT://127.0.0.1:19095\n");
    expect(props).toContain("advertised.listeners=PLAINTEXT://127.0.0.1:19095\n");
    expect(props).toContain("controller.listener.names=CONTROLLER\n");
    // The voters' quorum and internal topics do not count a broker that may come and go.
    const combined = renderBrokerProperties(first, nodes);
    expect(combined).toContain("process.roles=broker,controller\n");
    expect(combined).toContain("controller.quorum.voters=1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194\n");
    expect(combined).toContain("transaction.state.log.replication.factor=3\n");
  });

  it("writes a static quorum of every node and caps internal replication at the node count", () => {
    const nodes = planNodes({ dir: "/x", nodes: 2, basePort: 19092, racks: ["rack-a", "rack-b"] });
    const [first] = nodes;
    if (first === undefined) throw new Error("no node");
    const props = renderBrokerProperties(first, nodes);
    expect(props).toContain("process.roles=broker,controller\n");
    expect(props).toContain("controller.quorum.voters=1@127.0.0.1:19192,2@127.0.0.1:19193\n");
    expect(props).toContain("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19192\n");
    expect(props).toContain("broker.rack=rack-a\n");
    expect(props).toContain("offsets.topic.replication.factor=2\n");
    expect(props).toContain("auto.create.topics.enable=false\n");
  });
});
