import { controlCharacterRefusal, DOCUMENT_LIMITS, type Route, toFieldErrors } from "@lk/contract";
import { DomainError, tooLargeMessage } from "@lk/domain";
import type { FastifyRequest } from "fastify";
import type { DocumentStorage, StoredFile } from "./storage.ts";

/** A file of the form, already written to storage as it arrived (not yet checked). */
export interface ReceivedDocument extends StoredFile {
  slot: string;
  fileName: string;
}

function rejected(message: string, path?: string): DomainError {
  return new DomainError("DOCUMENT_REJECTED", message, {
    location: "body",
    ...(path ? { fields: [{ path, message }] } : {}),
  });
}

/**
 * Reads a multipart request of a contract route: the JSON field (validated by the route's body
 * schema, like any JSON body) and the files, each streamed to storage as it arrives, so memory
 * holds a chunk at a time however many customers upload at once; at most
 * DOCUMENT_LIMITS.maxFiles files of DOCUMENT_LIMITS.maxFileBytes each. Anything refused here
 * leaves no file behind; the caller deletes the files if it refuses them later.
 * Names keep their path parts (`preservePath`), so a path-like name can be seen and refused.
 */
export async function readMultipart(
  request: FastifyRequest,
  route: Route,
  storage: DocumentStorage,
): Promise<{ body: unknown; files: ReceivedDocument[] }> {
  const jsonField = route.multipart?.jsonField ?? "request";
  if (!request.isMultipart()) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Отправьте заявку как multipart/form-data с документами.");
  }
  let json: string | undefined;
  const files: ReceivedDocument[] = [];
  const parts = request.parts({
    preservePath: true,
    limits: {
      fileSize: DOCUMENT_LIMITS.maxFileBytes,
      files: DOCUMENT_LIMITS.maxFiles,
      fields: 3,
      fieldSize: 32 * 1024,
      parts: DOCUMENT_LIMITS.maxFiles + 3,
    },
  });
  try {
    for await (const part of parts) {
      if (part.type === "file") {
        const stored = await storage.putStream(part.file);
        files.push({ slot: part.fieldname, fileName: part.filename, ...stored });
        if (part.file.truncated) {
          throw rejected(tooLargeMessage(part.filename.slice(0, 60), DOCUMENT_LIMITS), part.fieldname);
        }
      } else if (part.fieldname === jsonField && json === undefined) {
        json = String(part.value);
      } else {
        throw new DomainError("VALIDATION_FAILED", undefined, {
          location: "body",
          fields: [{ path: part.fieldname, message: `Неизвестное поле «${part.fieldname.slice(0, 60)}».` }],
        });
      }
    }
  } catch (error) {
    await Promise.all(files.map((file) => storage.delete(file.key).catch(() => undefined)));
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_FILES_LIMIT") {
      throw rejected(`Можно приложить не больше ${DOCUMENT_LIMITS.maxFiles} файлов.`);
    }
    if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT" || code === "FST_PROTO_VIOLATION") {
      throw new DomainError("VALIDATION_FAILED", "Слишком много полей в запросе.", { location: "body" });
    }
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FIELD_SIZE_LIMIT") {
      throw new DomainError("PAYLOAD_TOO_LARGE");
    }
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE" || /boundary|Unexpected end|Malformed/i.test(String(error))) {
      throw new DomainError("VALIDATION_FAILED", "Повреждённый запрос multipart/form-data.", { location: "body" });
    }
    throw error;
  }
  try {
    return { body: parseJsonField(route, jsonField, json), files };
  } catch (error) {
    await Promise.all(files.map((file) => storage.delete(file.key).catch(() => undefined)));
    throw error;
  }
}

/** The form's JSON field, validated like any JSON body (control characters first, then the schema). */
function parseJsonField(route: Route, jsonField: string, json: string | undefined): unknown {
  if (json === undefined) {
    throw new DomainError("VALIDATION_FAILED", "Нет данных заявки.", {
      location: "body",
      fields: [{ path: jsonField, message: "Нет данных заявки." }],
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new DomainError("VALIDATION_FAILED", "Данные заявки не являются корректным JSON.", {
      location: "body",
      fields: [{ path: jsonField, message: "Данные заявки не являются корректным JSON." }],
    });
  }
  const refusal = controlCharacterRefusal({ body: value });
  if (refusal) throw new DomainError("VALIDATION_FAILED", undefined, refusal);
  const parsed = route.body?.safeParse(value);
  if (parsed && !parsed.success) {
    throw new DomainError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: toFieldErrors(parsed.error.issues),
    });
  }
  return parsed?.data;
}
