import { fileTypeFromBuffer } from "file-type/core";

/** What a request's documents may be: checked by their content, never by their name. */
export const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** A file as received: the name the customer's computer gave it, and its bytes. */
export interface IncomingDocument {
  slot: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What the checks need of a file: its name, its size and its first bytes (the type is told by
 * content, from the start of the file), so a server can stream the rest to disk.
 */
export interface DocumentFacts {
  fileName: string;
  byteLength: number;
  head: Uint8Array;
}

/** How many leading bytes tell a file's type (file-type reads at most this many). */
export const DOCUMENT_HEAD_BYTES = 4100;

export const factsOf = (document: Pick<IncomingDocument, "fileName" | "bytes">): DocumentFacts => ({
  fileName: document.fileName,
  byteLength: document.bytes.byteLength,
  head: document.bytes.subarray(0, DOCUMENT_HEAD_BYTES),
});

export type DocumentCheck = { ok: true; contentType: DocumentType; fileName: string } | { ok: false; message: string };

const sizeInMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} МБ`;

/** The refusal for a file over the size limit: the same words whoever finds it (the check or the upload stream). */
export function tooLargeMessage(fileName: string, limits: Pick<DocumentLimits, "maxFileBytes">): string {
  return `Файл «${fileName}» больше ${sizeInMb(limits.maxFileBytes)}. Уменьшите его или сожмите.`;
}

/**
 * The name is for display only (files are stored under names of our own), but a name that
 * looks like a path, or carries control characters, is refused outright: nothing good sends one.
 */
export function checkDocumentName(fileName: string): { ok: true; fileName: string } | { ok: false; message: string } {
  const name = fileName.normalize("NFC").trim();
  if (!name) return { ok: false, message: "У файла нет имени." };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name === "." || name.startsWith("..") || name.includes(":")) {
    return {
      ok: false,
      message: `Недопустимое имя файла «${name.slice(0, 60)}». Переименуйте файл и приложите снова.`,
    };
  }
  if (name.length > 150) return { ok: false, message: "Имя файла длиннее 150 символов. Переименуйте файл." };
  return { ok: true, fileName: name };
}

/** One document against the rules: a name, not empty, not too big, really a PDF, JPEG or PNG. */
export async function checkDocument(document: DocumentFacts, limits: DocumentLimits): Promise<DocumentCheck> {
  const name = checkDocumentName(document.fileName);
  if (!name.ok) return name;
  const label = `Файл «${name.fileName}»`;
  if (document.byteLength === 0) return { ok: false, message: `${label} пустой.` };
  if (document.byteLength > limits.maxFileBytes) return { ok: false, message: tooLargeMessage(name.fileName, limits) };
  const detected = await fileTypeFromBuffer(document.head);
  const contentType = DOCUMENT_TYPES.find((type) => type === detected?.mime);
  if (!contentType) {
    return {
      ok: false,
      message: `${label} не является документом PDF или изображением JPEG или PNG (проверяется содержимое, а не имя файла).`,
    };
  }
  return { ok: true, contentType, fileName: name.fileName };
}

/** A place for a document in a request's form: its field, what it is, and whether the service needs it. */
export interface RequestDocumentSlot {
  slot: string;
  label: string;
  required: boolean;
}

/** Why a request's files are refused: the first problem, with the fields it names. */
export interface DocumentsRefusal {
  code: "DOCUMENT_REJECTED" | "VALIDATION_FAILED";
  message: string;
  fields?: { path: string; message: string }[];
}

export type RequestDocumentsCheck<F> =
  | { ok: true; checked: { file: F; contentType: DocumentType; fileName: string }[] }
  | ({ ok: false } & DocumentsRefusal);

/**
 * A request's files against its service's slots and the limits, in this order: the number of
 * files; each of a slot the service has and a real PDF, JPEG or PNG within the size; then every
 * required slot present. The first problem refuses the whole request (nothing is stored). The API
 * and the mock each turn a refusal into their error.
 */
export async function checkRequestDocuments<F extends { slot: string }>(
  slots: readonly RequestDocumentSlot[],
  files: readonly F[],
  factsOfFile: (file: F) => DocumentFacts,
  limits: DocumentLimits,
): Promise<RequestDocumentsCheck<F>> {
  if (files.length > limits.maxFiles) {
    return { ok: false, code: "DOCUMENT_REJECTED", message: `Можно приложить не больше ${limits.maxFiles} файлов.` };
  }
  const refused = (path: string, message: string): RequestDocumentsCheck<F> => ({
    ok: false,
    code: "DOCUMENT_REJECTED",
    message,
    fields: [{ path, message }],
  });
  const checked: { file: F; contentType: DocumentType; fileName: string }[] = [];
  for (const file of files) {
    if (!slots.some((slot) => slot.slot === file.slot)) {
      return refused(file.slot, "Этот документ не относится к выбранной услуге.");
    }
    const result = await checkDocument(factsOfFile(file), limits);
    if (!result.ok) return refused(file.slot, result.message);
    checked.push({ file, contentType: result.contentType, fileName: result.fileName });
  }
  const missing = slots.filter((slot) => slot.required && !checked.some(({ file }) => file.slot === slot.slot));
  if (missing.length) {
    return {
      ok: false,
      code: "VALIDATION_FAILED",
      message: `Приложите документ: ${missing[0]?.label}.`,
      fields: missing.map((slot) => ({ path: slot.slot, message: `Приложите документ: ${slot.label}.` })),
    };
  }
  return { ok: true, checked };
}
