import { toFieldErrors } from "@lk/contract/errors";
import {
  CreateServiceRequestBody,
  DOCUMENT_LIMITS,
  type ServiceRequestKind,
  serviceRequestKinds,
} from "@lk/contract/requests";
import { sameFact, UNCHANGED } from "@lk/domain";
import type { UploadFile } from "../../lib/api-client.ts";
import { type AccountFacts, type FactKey, factsOfKind } from "./change-format.ts";

/** What the form holds: every field as typed (switching the service loses nothing), and the files by slot. */
export interface RequestFormValues {
  kind: ServiceRequestKind | "";
  ownerName: string;
  residents: string;
  rooms: string;
  totalArea: string;
  livingArea: string;
  tariffPlan: string;
  comment: string;
}

export type ChosenFiles = Record<string, File[]>;

/** Errors by field: the form's fields, and document slots by their names. */
export type FormErrors = Record<string, string>;

export const emptyRequestForm: RequestFormValues = {
  kind: "",
  ownerName: "",
  residents: "",
  rooms: "",
  totalArea: "",
  livingArea: "",
  tariffPlan: "",
  comment: "",
};

/** «3» → 3; «2,5» and «три» stay numbers the contract refuses with its own message. */
const count = (typed: string) => (typed.trim() === "" ? undefined : Number(typed.trim().replace(",", ".")));

function changeOf(values: RequestFormValues, kind: ServiceRequestKind) {
  switch (kind) {
    case "OWNER":
      return { kind, ownerName: values.ownerName };
    case "RESIDENTS":
      return { kind, residents: count(values.residents) };
    case "ROOMS":
      return { kind, rooms: count(values.rooms) };
    case "AREA":
      return { kind, totalArea: values.totalArea, livingArea: values.livingArea };
    case "TARIFF":
      return { kind, tariffPlan: values.tariffPlan || undefined };
  }
}

/** The API's field (`change.residents`, `register`) → the form's (`residents`, `register`). */
export function formFieldOf(path: string): string {
  if (path === "change" || path === "change.kind") return "kind";
  return path.startsWith("change.") ? path.slice("change.".length) : path;
}

/** What the server answers when nothing would change (compared as the API does, by @lk/domain's `sameFact`). */
export { UNCHANGED };

/**
 * The checks the server would make first, made before sending: the contract's rules, nothing
 * left as it is, the required documents attached. Returns the body to send, or the errors.
 */
export function validateRequest(
  values: RequestFormValues,
  files: ChosenFiles,
  current: AccountFacts,
): { body: CreateServiceRequestBody; errors?: undefined } | { body?: undefined; errors: FormErrors } {
  if (!values.kind) return { errors: { kind: "Выберите, что нужно изменить." } };
  const kind = values.kind;
  const body = { change: changeOf(values, kind), comment: values.comment.trim() || undefined };
  const errors: FormErrors = {};
  const parsed = CreateServiceRequestBody.safeParse(body);
  if (!parsed.success) {
    for (const { path, message } of toFieldErrors(parsed.error.issues)) errors[formFieldOf(path)] ??= message;
  } else {
    const keys = factsOfKind[kind];
    const wanted = parsed.data.change as Partial<Record<FactKey, string | number>>;
    const same = (key: FactKey) => sameFact(key, wanted[key], current[key]);
    if (keys.every(same)) for (const key of keys) errors[key] = UNCHANGED;
  }
  for (const slot of serviceRequestKinds[kind].documents) {
    if (slot.required && !files[slot.slot]?.length) errors[slot.slot] = "Приложите этот документ.";
  }
  return Object.keys(errors).length ? { errors } : { body: body as CreateServiceRequestBody };
}

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;
const MAX_MB = DOCUMENT_LIMITS.maxFileBytes / 1024 / 1024;

/**
 * Files chosen for a slot, checked before they are kept: not empty, not too big, named like a PDF,
 * JPEG or PNG (the server checks the content itself), no more than the limit in all.
 */
export function addFiles(chosen: ChosenFiles, slot: string, added: readonly File[], kind: ServiceRequestKind) {
  const problems: string[] = [];
  let total = uploadsOf(kind, chosen).length;
  const kept: File[] = [];
  for (const file of added) {
    const label = `Файл «${file.name}»`;
    if (file.size === 0) problems.push(`${label} пустой.`);
    else if (file.size > DOCUMENT_LIMITS.maxFileBytes)
      problems.push(`${label} больше ${MAX_MB} МБ. Уменьшите его или сожмите.`);
    else if (!EXTENSIONS.test(file.name))
      problems.push(`${label} не PDF, JPEG или PNG. Приложите документ в одном из этих форматов.`);
    else if (total >= DOCUMENT_LIMITS.maxFiles) {
      problems.push(`Можно приложить не больше ${DOCUMENT_LIMITS.maxFiles} файлов, «${file.name}» не добавлен.`);
    } else {
      kept.push(file);
      total += 1;
    }
  }
  return {
    files: { ...chosen, [slot]: [...(chosen[slot] ?? []), ...kept] },
    error: problems.length ? problems.join(" ") : undefined,
  };
}

/** The files to send: only the slots of the chosen service (files chosen for another stay in the form). */
export function uploadsOf(kind: ServiceRequestKind, chosen: ChosenFiles): UploadFile[] {
  return serviceRequestKinds[kind].documents.flatMap(({ slot }) =>
    (chosen[slot] ?? []).map((file) => ({ slot, file })),
  );
}
