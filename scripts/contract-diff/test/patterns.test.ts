import { describe, expect, it } from "vitest";
import { comparePatterns } from "../src/patterns.js";

describe("comparePatterns", () => {
  it("finds a rewrite that matches the same strings equal", () => {
    expect(comparePatterns(["^\\+[1-9][0-9]{1,14}$"], ["^\\+[1-9]\\d{1,14}$"])).toBe("equal");
    expect(comparePatterns(["^a|^b"], ["^[ab]"])).toBe("equal");
  });

  it("orders patterns by the strings they accept", () => {
    expect(comparePatterns(["^\\+[1-9][0-9]{1,14}$"], ["^\\+1[0-9]{10}$"])).toBe("narrower");
    expect(comparePatterns(["^[a-f0-9-]{36}$"], ["^[A-Fa-f0-9-]{36}$"])).toBe("wider");
    expect(comparePatterns(["^[a-z]+$"], ["^[0-9]+$"])).toBe("different");
  });

  it("reads patterns as unanchored, the way JSON Schema does", () => {
    // "abc" accepts every string that contains abc; "^abc$" only abc itself.
    expect(comparePatterns(["abc"], ["^abc$"])).toBe("narrower");
    expect(comparePatterns(["^abc$"], ["abc"])).toBe("wider");
    expect(comparePatterns([], ["^call_"])).toBe("narrower");
    expect(comparePatterns(["^call_"], [])).toBe("wider");
  });

  it("keeps case: [Aa] is not a", () => {
    expect(comparePatterns(["^a$"], ["^[Aa]$"])).toBe("wider");
    expect(comparePatterns(["^[Aa]$"], ["^a$"])).toBe("narrower");
  });

  it("knows that . does not match line terminators", () => {
    expect(comparePatterns(["^.$"], ["^[^\\n]$"])).toBe("wider");
  });

  it("reduces lookarounds it can, and says unknown for backreferences it cannot", () => {
    expect(comparePatterns(["^(?!x)a+$"], ["^a+$"])).toBe("equal");
    expect(comparePatterns(["^(a+)\\1$"], ["^(a+)\\1b?$"])).toBe("unknown");
  });

  it("accepts patterns that are only valid without the u flag", () => {
    expect(comparePatterns(["\\-"], ["-"])).toBe("equal");
  });

  it("treats several patterns (allOf members) as all having to match", () => {
    expect(comparePatterns(["^[a-z]+$"], ["^[a-z]+$", "^.{1,5}$"])).toBe("narrower");
  });
});
