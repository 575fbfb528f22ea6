import { describe, expect, it } from "vitest";
import { controlCharacterIssues } from "./control-characters.ts";

describe("control characters in input", () => {
  it.each([
    ["a NUL inside a login", { login: "demo\u0000@lk.test" }, ["login"]],
    ["a NUL in a nested array", { readings: [{ zone: "T1", value: "1\u0000" }] }, ["readings.0.value"]],
    ["an escape character", { comment: "x\u001b[31m" }, ["comment"]],
    ["DEL", { to: "a\u007f" }, ["to"]],
    ["a control character in a key", { "a\u0000": 1 }, ["a\u0000"]],
  ])("finds %s", (_, input, paths) => {
    expect(controlCharacterIssues(input).map((i) => i.path.join("."))).toEqual(paths);
  });

  it("lets tabs, line breaks and any letters through", () => {
    expect(controlCharacterIssues({ comment: "Строка 1\r\n\tстрока 2 💡", n: 5, ok: true, none: null })).toEqual([]);
  });
});
