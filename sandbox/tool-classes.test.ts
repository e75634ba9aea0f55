import { describe, expect, it } from "vitest";
import { isKafkaToolName, toolMainClass } from "./tool-classes.js";

describe("toolMainClass", () => {
  it("uses the Scala classes that 3.9 still has", () => {
    expect(toolMainClass("broker-api-versions", "3.9.1")).toBe("kafka.admin.BrokerApiVersionsCommand");
    expect(toolMainClass("console-producer", "3.9.1")).toBe("kafka.tools.ConsoleProducer");
  });

  it("uses the Java ports from 4.0 on", () => {
    expect(toolMainClass("broker-api-versions", "4.3.1")).toBe("org.apache.kafka.tools.BrokerApiVersionsCommand");
    expect(toolMainClass("console-producer", "4.0.0")).toBe("org.apache.kafka.tools.ConsoleProducer");
    expect(toolMainClass("consumer-groups", "4.3.1")).toBe("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand");
  });

  it("runs kafka-cluster (unregister a broker that left for good) from the same Java class on 3.9 and 4.x", () => {
    expect(toolMainClass("cluster", "3.9.1")).toBe("org.apache.kafka.tools.ClusterTool");
    expect(toolMainClass("cluster", "4.3.1")).toBe("org.apache.kafka.tools.ClusterTool");
  });

  it("refuses versions the map was not checked against", () => {
    expect(() => toolMainClass("topics", "3.8.0")).toThrow(/Unsupported Kafka version/);
    expect(isKafkaToolName("kafka-topics")).toBe(false);
  });
});
