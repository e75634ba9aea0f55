import { describe, expect, it } from "vitest";
import { parseLiveBrokerIds } from "./broker-readiness.js";

describe("parseLiveBrokerIds", () => {
  it("reads Kafka 3.9 BrokerApiVersionsCommand output (no fenced flag)", () => {
    const out = [
      "127.0.0.1:29093 (id: 2 rack: rack-b) -> (",
      "\tProduce(0): 0 to 11 [usable: 11],",
      ")",
      "127.0.0.1:29092 (id: 1 rack: rack-a) -> (",
      ")",
    ].join("\n");
    expect([...parseLiveBrokerIds(out)].sort()).toEqual([1, 2]);
  });

  it("reads Kafka 4.x output and skips brokers flagged as fenced", () => {
    const out = [
      "127.0.0.1:19094 (id: 3 rack: rack-c isFenced: false) -> (",
      "127.0.0.1:19093 (id: 2 rack: rack-b isFenced: true) -> (",
      "127.0.0.1:19092 (id: 1 rack: null isFenced: false) -> (",
    ].join("\n");
    expect([...parseLiveBrokerIds(out)].sort()).toEqual([1, 3]);
  });

  it("finds nothing in an error message", () => {
    expect(parseLiveBrokerIds("Exception in thread main: Timed out waiting for a node").size).toBe(0);
  });
});
