import { describe, expect, it } from "vitest";
import { clusterNameForBlock, portBlockFromEnv } from "./port-block.js";

describe("portBlockFromEnv", () => {
  it("takes the default when the variable is unset or empty", () => {
    expect(portBlockFromEnv({}, "E2E_PORT_BASE", 25000)).toBe(25000);
    expect(portBlockFromEnv({ E2E_PORT_BASE: "" }, "E2E_PORT_BASE", 25000)).toBe(25000);
  });

  it("takes a block that fits in the unprivileged ports", () => {
    expect(portBlockFromEnv({ E2E_PORT_BASE: "40000" }, "E2E_PORT_BASE", 25000)).toBe(40000);
    expect(portBlockFromEnv({ BENCH_PORT_BASE: "64536" }, "BENCH_PORT_BASE", 26000)).toBe(64536);
  });

  it("names the variable, the value and the range when the value is no block", () => {
    for (const bad of ["abc", "1023", "64537", "25000.5"]) {
      expect(() => portBlockFromEnv({ E2E_PORT_BASE: bad }, "E2E_PORT_BASE", 25000)).toThrow(`E2E_PORT_BASE=${bad}: expected a whole number from 1024 to 64536`);
    }
  });
});

describe("clusterNameForBlock", () => {
  it("keeps the plain name in the default block and appends any other", () => {
    expect(clusterNameForBlock("e2e", 25000, 25000)).toBe("e2e");
    expect(clusterNameForBlock("e2e", 40000, 25000)).toBe("e2e-p40000");
  });
});
