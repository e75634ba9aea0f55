import { describe, expect, it } from "vitest";
import { planNodes } from "./node-layout.js";
import { planSeedTopics } from "./seed-topics.js";

const racks = ["rack-a", "rack-b", "rack-c"];

function lopsided(nodeCount: number): readonly (readonly number[])[] | undefined {
  const nodes = planNodes({ dir: "/x", nodes: nodeCount, basePort: 19092, racks });
  return planSeedTopics(nodes).find((topic) => topic.name === "lopsided")?.replicaAssignment;
}

describe("planSeedTopics", () => {
  it("plans the documented mix on 3 nodes", () => {
    const nodes = planNodes({ dir: "/x", nodes: 3, basePort: 19092, racks });
    const plan = Object.fromEntries(planSeedTopics(nodes).map((t) => [t.name, t]));
    expect(plan["orders"]).toMatchObject({ partitions: 12, replicationFactor: 3 });
    expect(plan["payments"]?.configs).toEqual({ "min.insync.replicas": "2" });
    expect(plan["audit-log"]?.configs).toEqual({ "min.insync.replicas": "3" });
    expect(plan["clickstream"]).toMatchObject({ partitions: 50, replicationFactor: 2 });
    expect(plan["scratch"]).toMatchObject({ partitions: 1, replicationFactor: 1 });
    expect(plan["inventory-compacted"]?.configs).toEqual({ "cleanup.policy": "compact" });
  });

  it("leads every lopsided partition on broker 1; with 3 racks it can only skew", () => {
    expect(lopsided(3)).toEqual([[1, 2], [1, 3], [1, 2], [1, 3]]);
  });

  it("puts two lopsided replicas in one rack once two brokers share it", () => {
    // Node 4 cycles back to rack-a, next to node 1.
    expect(lopsided(4)).toEqual([[1, 4, 2], [1, 4, 3], [1, 4, 2], [1, 4, 3]]);
  });

  it("caps replication and min.insync.replicas on a single node", () => {
    const nodes = planNodes({ dir: "/x", nodes: 1, basePort: 19092, racks });
    for (const topic of planSeedTopics(nodes)) {
      expect(topic.replicationFactor).toBe(1);
      expect(topic.configs["min.insync.replicas"] ?? "1").toBe("1");
    }
  });
});
