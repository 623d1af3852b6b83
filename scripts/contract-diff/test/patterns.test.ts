import { describe, expect, it } from "vitest";
import { comparePatterns, patternLengths } from "../src/patterns.js";

describe("comparePatterns", () => {
  it("finds a rewrite that matches the same strings equal", () => {
    expect(comparePatterns(["^\\+[1-9][0-9]{1,14}$"], ["^\\+[1-9]\\d{1,14}$"]).relation).toBe("equal");
    expect(comparePatterns(["^a|^b"], ["^[ab]"]).relation).toBe("equal");
  });

  it("orders patterns by the strings they accept", () => {
    expect(comparePatterns(["^\\+[1-9][0-9]{1,14}$"], ["^\\+1[0-9]{10}$"]).relation).toBe("narrower");
    expect(comparePatterns(["^[a-f0-9-]{36}$"], ["^[A-Fa-f0-9-]{36}$"]).relation).toBe("wider");
    expect(comparePatterns(["^[a-z]+$"], ["^[0-9]+$"]).relation).toBe("different");
  });

  it("reads patterns as unanchored, the way JSON Schema does", () => {
    // "abc" accepts every string that contains abc; "^abc$" only abc itself.
    expect(comparePatterns(["abc"], ["^abc$"]).relation).toBe("narrower");
    expect(comparePatterns(["^abc$"], ["abc"]).relation).toBe("wider");
    expect(comparePatterns([], ["^call_"]).relation).toBe("narrower");
    expect(comparePatterns(["^call_"], []).relation).toBe("wider");
  });

  it("keeps case: [Aa] is not a", () => {
    expect(comparePatterns(["^a$"], ["^[Aa]$"]).relation).toBe("wider");
    expect(comparePatterns(["^[Aa]$"], ["^a$"]).relation).toBe("narrower");
  });

  it("knows that . does not match line terminators", () => {
    expect(comparePatterns(["^.$"], ["^[^\\n]$"]).relation).toBe("wider");
  });

  it("reduces lookarounds it can, and says unknown for backreferences it cannot", () => {
    expect(comparePatterns(["^(?!x)a+$"], ["^a+$"]).relation).toBe("equal");
    expect(comparePatterns(["^(a+)\\1$"], ["^(a+)\\1b?$"]).relation).toBe("unknown");
  });

  it("accepts patterns that are only valid without the u flag", () => {
    expect(comparePatterns(["\\-"], ["-"]).relation).toBe("equal");
  });

  it("compares patterns together with the length limits beside them", () => {
    const cap = { min: 0, max: 16 };
    expect(
      comparePatterns(["^\\+[1-9]\\d{1,14}$"], ["^\\+[1-9]\\d{1,15}$"], { base: cap, head: cap }).relation,
    ).toBe("equal");
  });

  it("orders patterns that differ only in repetition bounds without building automata", () => {
    expect(comparePatterns(["^[^<>]{0,5000}$"], ["^[^<>]{0,4000}$"]).relation).toBe("narrower");
    expect(comparePatterns(["^[a-z]{1,64}@[a-z]{1,255}$"], ["^[a-z]{1,64}@[a-z]{1,253}$"]).relation).toBe(
      "narrower",
    );
  });

  it("says why it cannot decide: a construct, or automata too large", () => {
    expect(comparePatterns(["^(a+)\\1$"], ["^(a+)\\1b?$"]).reason).toBe("construct");
  });

  it("knows the shortest and longest string a pattern allows", () => {
    expect(patternLengths(["^\\+[1-9]\\d{1,14}$"])).toEqual({ min: 3, max: 16 });
    expect(patternLengths(["^call_"])).toEqual({ min: 5, max: Number.POSITIVE_INFINITY });
  });

  it("treats several patterns (allOf members) as all having to match", () => {
    expect(comparePatterns(["^[a-z]+$"], ["^[a-z]+$", "^.{1,5}$"]).relation).toBe("narrower");
  });
});
