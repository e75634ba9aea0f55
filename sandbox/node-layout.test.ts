import { describe, expect, it } from "vitest";
import { renderBrokerProperties } from "./broker-properties.js";
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
  });
});

describe("renderBrokerProperties", () => {
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
