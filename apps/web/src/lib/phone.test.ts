import { describe, expect, it } from "vitest";
import { formatPhone } from "./phone.ts";

describe("formatPhone", () => {
  it("writes a stored Russian mobile number the way people read it", () => {
    expect(formatPhone("+79991234567")).toBe("+7 999 123-45-67");
  });
  it("leaves anything else as it is", () => {
    expect(formatPhone("12345")).toBe("12345");
  });
});
