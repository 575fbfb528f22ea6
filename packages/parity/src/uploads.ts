import type { Upload } from "./client.ts";

/** The smallest file both sides take for a PDF: they check the content, not the name. */
export const PDF_TEXT = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

/** A PDF in a document's slot. */
export const pdf = (slot: string, fileName = "vypiska.pdf"): Upload => ({
  slot,
  fileName,
  bytes: new TextEncoder().encode(PDF_TEXT),
});

/** Text that only calls itself a PDF. */
export const disguised = (slot: string): Upload => ({
  slot,
  fileName: "spravka.pdf",
  bytes: new TextEncoder().encode("Это не документ, а просто текст.\n"),
});
