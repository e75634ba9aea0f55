import { describe, expect, it } from "vitest";
import { renderBrokerProperties } from "./broker-properties.js";
import { allPorts, planNodes } from "./node-layout.js";

describe("advertised ports (a proxy in front of one node)", () => {
  const nodes = planNodes({ dir: "/x", nodes: 3, basePort: 41092, racks: ["rack-a", "rack-b", "rack-c"], advertisedPorts: { 3: 41500 } });

  it("advertises the given client port and adds a replication listener to every node", () => {
    expect(nodes.map((n) => [n.port, n.advertisedPort, n.replicationPort])).toEqual([
      [41092, 41092, 41292],
      [41093, 41093, 41293],
      [41094, 41500, 41294],
    ]);
    expect(allPorts(nodes)).toContain(41294);
  });

  it("keeps client traffic on the advertised port and replication off it", () => {
    const node3 = nodes[2];
    if (node3 === undefined) throw new Error("no node 3");
    const properties = renderBrokerProperties(node3, nodes);
    expect(properties).toContain("listeners=PLAINTEXT://127.0.0.1:41094,CONTROLLER://127.0.0.1:41194,REPLICATION://127.0.0.1:41294\n");
    expect(properties).toContain("advertised.listeners=PLAINTEXT://127.0.0.1:41500,CONTROLLER://127.0.0.1:41194,REPLICATION://127.0.0.1:41294\n");
    expect(properties).toContain("inter.broker.listener.name=REPLICATION\n");
    expect(properties).toContain("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,REPLICATION:PLAINTEXT\n");
  });

  it("leaves clusters without advertised ports exactly as before", () => {
    const plain = planNodes({ dir: "/x", nodes: 3, basePort: 19092, racks: ["rack-a"] });
    expect(plain[0]).not.toHaveProperty("replicationPort");
    const properties = renderBrokerProperties(plain[0] ?? (undefined as never), plain);
    expect(properties).toContain("advertised.listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19192\n");
    expect(properties).toContain("inter.broker.listener.name=PLAINTEXT\n");
  });
});
