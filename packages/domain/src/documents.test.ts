import { describe, expect, it } from "vitest";
import { checkDocument, checkDocumentName, factsOf } from "./documents.ts";

const limits = { maxFiles: 5, maxFileBytes: 1024 };
const bytes = (text: string) => new TextEncoder().encode(text);
const pdf = bytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

describe("checkDocument", () => {
  it.each([
    ["scan.pdf", pdf, "application/pdf"],
    ["photo.JPG", jpeg, "image/jpeg"],
    ["plan.png", png, "image/png"],
    // The name does not matter when the content is right.
    ["паспорт без расширения", pdf, "application/pdf"],
  ])("accepts %s by its content", async (fileName, content, type) => {
    expect(await checkDocument(factsOf({ fileName, bytes: content }), limits)).toEqual({
      ok: true,
      contentType: type,
      fileName,
    });
  });

  it.each([
    ["a text file named .pdf", "notes.pdf", bytes("just some text, not a PDF"), "не является документом PDF"],
    ["an executable named .png", "photo.png", bytes("MZ\x90\x00\x03\x00\x00\x00"), "не является документом PDF"],
    ["a GIF", "pic.png", bytes("GIF89a\x01\x00\x01\x00"), "не является документом PDF"],
    ["an empty file", "empty.pdf", new Uint8Array(), "пустой"],
    ["a file over the limit", "big.pdf", new Uint8Array(2048).fill(0x25), "больше"],
  ])("refuses %s", async (_, fileName, content, message) => {
    const result = await checkDocument(factsOf({ fileName, bytes: content }), limits);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it("tells the type from the first bytes and the size from the count, as a streaming server gives them", async () => {
    const big = { fileName: "scan.pdf", byteLength: 900, head: pdf };
    expect(await checkDocument(big, limits)).toMatchObject({ ok: true, contentType: "application/pdf" });
    expect(await checkDocument({ ...big, byteLength: 4096 }, limits)).toMatchObject({ ok: false });
  });
});

describe("checkDocumentName", () => {
  it.each([
    "../../etc/passwd",
    "..\\windows\\system.ini",
    "/etc/passwd",
    "dir/scan.pdf",
    "C:scan.pdf",
    "scan\u0000.pdf",
    "..",
    "",
    "   ",
  ])("refuses %j", (name) => {
    expect(checkDocumentName(name).ok).toBe(false);
  });

  it("keeps an ordinary Russian name", () => {
    expect(checkDocumentName(" Выписка ЕГРН (2).pdf ")).toEqual({ ok: true, fileName: "Выписка ЕГРН (2).pdf" });
  });
});
