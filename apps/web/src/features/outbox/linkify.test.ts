import { describe, expect, it } from "vitest";
import { linkify } from "./linkify.ts";

describe("linkify", () => {
  it("makes the reset link of a mail clickable, without the full stop after it", () => {
    const text = "Откройте ссылку:\nhttp://127.0.0.1:3000/reset-password?token=abc_DEF-123.\nСпасибо";
    expect(linkify(text)).toEqual([
      { text: "Откройте ссылку:\n" },
      {
        text: "http://127.0.0.1:3000/reset-password?token=abc_DEF-123",
        href: "http://127.0.0.1:3000/reset-password?token=abc_DEF-123",
      },
      { text: ".\nСпасибо" },
    ]);
  });

  it("links this site's paths at the start of a word, and nothing else", () => {
    expect(linkify("Ссылка: /reset-password?token=x1 и дробь 1/2")).toEqual([
      { text: "Ссылка: " },
      { text: "/reset-password?token=x1", href: "/reset-password?token=x1" },
      { text: " и дробь 1/2" },
    ]);
    expect(linkify("javascript:alert(1) код 123456")).toEqual([{ text: "javascript:alert(1) код 123456" }]);
  });
});
