import { DOCUMENT_LIMITS, type RequestDocument, type ServiceRequestKind, serviceRequestKinds } from "@lk/contract";
import { checkRequestDocuments, DomainError, factsOf, type IncomingDocument } from "@lk/domain";
import { mockDb } from "./mock-db.ts";

/** Files up to this size also survive a reload (in localStorage, as base64); bigger ones live in memory only. */
const PERSISTED_MAX_BYTES = 64 * 1024;

const bytesById = new Map<string, Uint8Array>();

export interface CheckedUpload {
  file: IncomingDocument;
  contentType: RequestDocument["contentType"];
  fileName: string;
}

/**
 * A request's files against the API's rules (apps/api/src/features/requests/service.ts), in its
 * order: at most five files; each of a slot the service has, a real PDF, JPEG or PNG (by content)
 * within the size limit; then the required slots present. The first problem refuses the whole
 * request: nothing is stored.
 */
export async function checkUploads(kind: ServiceRequestKind, files: IncomingDocument[]): Promise<CheckedUpload[]> {
  const result = await checkRequestDocuments(serviceRequestKinds[kind].documents, files, factsOf, DOCUMENT_LIMITS);
  if (!result.ok) {
    throw new DomainError(
      result.code,
      result.message,
      result.fields ? { location: "body", fields: result.fields } : undefined,
    );
  }
  return result.checked;
}

/** Keeps checked files under ids of their own and returns what the request lists. */
export function storeDocuments(checked: CheckedUpload[]): RequestDocument[] {
  return checked.map(({ file, contentType, fileName }) => {
    const id = crypto.randomUUID();
    bytesById.set(id, file.bytes);
    if (file.bytes.byteLength <= PERSISTED_MAX_BYTES) mockDb.state.documentFiles[id] = toBase64(file.bytes);
    return { id, slot: file.slot, fileName, contentType, sizeBytes: file.bytes.byteLength };
  });
}

/** The bytes of a stored document; a big file is gone after a reload of the mock (said so). */
export function documentBytes(id: string): Uint8Array {
  const bytes = bytesById.get(id) ?? fromBase64(mockDb.state.documentFiles[id]);
  if (!bytes) {
    throw new DomainError(
      "NOT_FOUND",
      "Файл недоступен: демо-режим хранит файлы больше 64 КБ только до перезагрузки страницы.",
    );
  }
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string | undefined): Uint8Array | undefined {
  if (text === undefined) return undefined;
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
