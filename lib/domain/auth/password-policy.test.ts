import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it.each([
    "correct horse battery staple",
    "tangerine orbit lantern",
    "evently-demo-2026",
    "Zq8#mV2!pL",
    "ünïcödé-pässwörd-ok",
    "TestPassword123!",
    "secret-garden-gate",
  ])("accepts %s", (password) => {
    expect(passwordProblem(password, { email: "ann@example.com", name: "Ann" })).toBeNull();
  });

  it.each([
    ["short1!", /at least 10/],
    ["x".repeat(129), /at most 128/],
    ["1234567890", /too common/],
    ["qwertyuiop", /too common/],
    ["Password123!", /too common/],
    ["P@ssw0rd2024!", /too common/],
    ["!!letmein2024", /too common/],
    ["iloveyou12345", /too common/],
    ["aaaaaaaaaaaa", /different characters/],
    ["abababababab", /different characters/],
    ["annabelle-2024", /email or name/],
  ])("refuses %s", (password, problem) => {
    expect(passwordProblem(password, { email: "annabelle@example.com", name: "Annabelle Lee" })).toMatch(problem);
  });
});
