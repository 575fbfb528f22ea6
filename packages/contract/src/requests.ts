import { AccountIdParams, TariffPlan } from "./accounts.ts";
import { FullName } from "./fields.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

const Instant = z.iso.datetime({ offset: true });

export const ServiceRequestKind = z.enum(["OWNER", "RESIDENTS", "ROOMS", "AREA", "TARIFF"]);
export type ServiceRequestKind = z.infer<typeof ServiceRequestKind>;

/** подана → на рассмотрении → выполнена / отклонена. */
export const ServiceRequestStatus = z.enum(["SUBMITTED", "IN_REVIEW", "DONE", "REJECTED"]);
export type ServiceRequestStatus = z.infer<typeof ServiceRequestStatus>;

/** Files a request may carry: the same limits on both sides. */
export const DOCUMENT_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 5 * 1024 * 1024,
  types: ["application/pdf", "image/jpeg", "image/png"],
  /** For `<input accept>`; the server checks the content, not the name. */
  accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png",
} as const;

export interface DocumentSlot {
  /** The multipart field the files of this slot are sent in. */
  slot: string;
  label: string;
  required: boolean;
}

const otherDocuments: DocumentSlot = { slot: "other", label: "Другие документы", required: false };

/** The services of «Изменить»: what each changes and which documents it needs. */
export const serviceRequestKinds: Record<
  ServiceRequestKind,
  { title: string; description: string; documents: DocumentSlot[] }
> = {
  OWNER: {
    title: "Смена собственника",
    description: "Переоформление лицевого счёта на нового собственника помещения.",
    documents: [
      { slot: "ownership", label: "Выписка из ЕГРН или договор о праве собственности", required: true },
      { slot: "passport", label: "Паспорт нового собственника (страница с фотографией)", required: true },
      otherDocuments,
    ],
  },
  RESIDENTS: {
    title: "Изменение количества проживающих",
    description: "Количество зарегистрированных в помещении влияет на норматив потребления.",
    documents: [
      { slot: "register", label: "Выписка из домовой книги или единый жилищный документ", required: true },
      otherDocuments,
    ],
  },
  ROOMS: {
    title: "Изменение количества комнат",
    description: "После перепланировки или по ошибке в данных лицевого счёта.",
    documents: [
      { slot: "plan", label: "Технический паспорт или выписка из ЕГРН с планом помещения", required: true },
      otherDocuments,
    ],
  },
  AREA: {
    title: "Изменение площади",
    description: "Общая и жилая площадь помещения.",
    documents: [{ slot: "egrn", label: "Выписка из ЕГРН или технический паспорт", required: true }, otherDocuments],
  },
  TARIFF: {
    title: "Смена тарифа",
    description:
      "Одноставочный, двухзонный (день/ночь) или трёхзонный (пик/полупик/ночь). Для зонного тарифа нужен счётчик, который считает эти зоны.",
    documents: [
      {
        slot: "meter",
        label: "Паспорт многотарифного счётчика или акт его ввода в эксплуатацию (если счётчик уже заменён)",
        required: false,
      },
      otherDocuments,
    ],
  },
};

export const serviceRequestStatusLabels: Record<ServiceRequestStatus, string> = {
  SUBMITTED: "подана",
  IN_REVIEW: "на рассмотрении",
  DONE: "выполнена",
  REJECTED: "отклонена",
};

/** Square metres with up to two decimals, as a string: `45.6`, `45,60`. */
const Area = z
  .string({ error: "Укажите площадь." })
  .trim()
  .transform((value) => value.replace(",", "."))
  .pipe(
    z
      .string()
      .regex(/^\d{1,5}(\.\d{1,2})?$/, "Укажите площадь в квадратных метрах, например 54,3.")
      .refine((value) => Number(value) > 0, "Площадь должна быть больше нуля."),
  );

const count = (what: string, min: number, max: number) =>
  z
    .number({ error: `Укажите ${what}.` })
    .int(`Укажите ${what} целым числом.`)
    .min(min, `Не меньше ${min}.`)
    .max(max, `Не больше ${max}.`);

/** The new values a request asks for, by service. */
export const ServiceRequestChange = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("OWNER"), ownerName: FullName }),
  z.strictObject({ kind: z.literal("RESIDENTS"), residents: count("количество проживающих", 0, 30) }),
  z.strictObject({ kind: z.literal("ROOMS"), rooms: count("количество комнат", 1, 20) }),
  z
    .strictObject({ kind: z.literal("AREA"), totalArea: Area, livingArea: Area })
    .refine((change) => Number(change.livingArea) <= Number(change.totalArea), {
      path: ["livingArea"],
      message: "Жилая площадь не может быть больше общей.",
    }),
  z.strictObject({ kind: z.literal("TARIFF"), tariffPlan: z.enum(TariffPlan.options, { error: "Выберите тариф." }) }),
]);
export type ServiceRequestChange = z.output<typeof ServiceRequestChange>;

/** The same, as the API answers it (already normalised: `54.3`, no transforms to run again). */
export const ServiceRequestChangeValue = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("OWNER"), ownerName: z.string() }),
  z.object({ kind: z.literal("RESIDENTS"), residents: z.number().int() }),
  z.object({ kind: z.literal("ROOMS"), rooms: z.number().int() }),
  z.object({ kind: z.literal("AREA"), totalArea: z.string(), livingArea: z.string() }),
  z.object({ kind: z.literal("TARIFF"), tariffPlan: TariffPlan }),
]);

/** The JSON part (field `request`) of the multipart form; the files follow in their slots' fields. */
export const CreateServiceRequestBody = z.strictObject({
  change: ServiceRequestChange,
  comment: z.string().trim().max(1000, "Комментарий не длиннее 1000 символов.").optional(),
});
export type CreateServiceRequestBody = z.input<typeof CreateServiceRequestBody>;

export const RequestDocument = z.object({
  id: z.uuid(),
  slot: z.string(),
  fileName: z.string(),
  contentType: z.enum(DOCUMENT_LIMITS.types),
  sizeBytes: z.number().int().positive(),
});
export type RequestDocument = z.infer<typeof RequestDocument>;

export const ServiceRequestEvent = z.object({
  status: ServiceRequestStatus,
  at: Instant,
  /** The operator's comment (a rejection always has one). */
  comment: z.string().nullable(),
  by: z.enum(["CUSTOMER", "OPERATOR"]),
});

export const ServiceRequest = z.object({
  id: z.uuid(),
  /** What the customer quotes: «З-000042». */
  number: z.string(),
  accountId: z.uuid(),
  accountNumber: z.string(),
  kind: ServiceRequestKind,
  status: ServiceRequestStatus,
  change: ServiceRequestChangeValue,
  /** The account's values when the request was filed, for comparison. */
  previous: z.record(z.string(), z.union([z.string(), z.number()])),
  comment: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  documents: z.array(RequestDocument),
  history: z.array(ServiceRequestEvent),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;

export const OperatorServiceRequest = ServiceRequest.extend({
  account: z.object({
    number: z.string(),
    address: z.string(),
    ownerName: z.string(),
    residents: z.number().int(),
    rooms: z.number().int(),
    totalArea: z.string(),
    livingArea: z.string(),
    tariffPlan: TariffPlan,
  }),
  customer: z.object({ fullName: z.string(), email: z.string(), phone: z.string().nullable() }),
});
export type OperatorServiceRequest = z.infer<typeof OperatorServiceRequest>;

const RequestParams = AccountIdParams.extend({ requestId: z.uuid({ error: "Неверный идентификатор заявки." }) });
const DocumentParams = RequestParams.extend({ documentId: z.uuid({ error: "Неверный идентификатор документа." }) });
const OperatorRequestParams = z.strictObject({ requestId: z.uuid({ error: "Неверный идентификатор заявки." }) });
const OperatorDocumentParams = OperatorRequestParams.extend({
  documentId: z.uuid({ error: "Неверный идентификатор документа." }),
});

export const OperatorQueueQuery = z.strictObject({
  /** Open requests (подана and на рассмотрении) when not given. */
  status: z.enum(["OPEN", ...ServiceRequestStatus.options]).optional(),
});

export const DecisionBody = z
  .strictObject({
    decision: z.enum(["APPROVE", "REJECT"], { error: "Выберите решение." }),
    comment: z.string().trim().max(1000, "Комментарий не длиннее 1000 символов.").optional(),
  })
  .refine((body) => body.decision === "APPROVE" || (body.comment ?? "").length > 0, {
    path: ["comment"],
    message: "Напишите клиенту, почему заявка отклонена.",
  });
export type DecisionBody = z.input<typeof DecisionBody>;

const tag = "Заявки";
const operatorTag = "Оператор";

export const serviceRequestRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/requests",
    summary: "Мои заявки по лицевому счёту, новые первыми",
    tag,
    auth: true,
    params: AccountIdParams,
    status: 200,
    response: z.object({ requests: z.array(ServiceRequest) }),
    errors: ["NOT_FOUND"],
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/requests",
    summary:
      "Подать заявку «Изменить»: multipart/form-data, поле `request` с JSON, файлы в полях документов (PDF, JPEG, PNG)",
    tag,
    auth: true,
    params: AccountIdParams,
    body: CreateServiceRequestBody,
    multipart: { jsonField: "request" },
    status: 201,
    response: ServiceRequest,
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "DOCUMENT_REJECTED", "REQUEST_EXISTS", "PAYLOAD_TOO_LARGE"],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/requests/:requestId",
    summary: "Заявка: статус, история, документы",
    tag,
    auth: true,
    params: RequestParams,
    status: 200,
    response: ServiceRequest,
    errors: ["NOT_FOUND"],
  }),
  document: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/requests/:requestId/documents/:documentId",
    summary: "Файл документа заявки (только автору заявки)",
    tag,
    auth: true,
    params: DocumentParams,
    status: 200,
    response: z.unknown(),
    file: true,
    errors: ["NOT_FOUND"],
  }),
};

export const operatorRoutes = {
  queue: defineRoute({
    method: "GET",
    path: "/api/operator/requests",
    summary: "Очередь заявок (по умолчанию открытые, старые первыми)",
    tag: operatorTag,
    auth: true,
    query: OperatorQueueQuery,
    status: 200,
    response: z.object({ requests: z.array(OperatorServiceRequest) }),
    errors: ["FORBIDDEN"],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/operator/requests/:requestId",
    summary: "Заявка с данными лицевого счёта и клиента",
    tag: operatorTag,
    auth: true,
    params: OperatorRequestParams,
    status: 200,
    response: OperatorServiceRequest,
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  document: defineRoute({
    method: "GET",
    path: "/api/operator/requests/:requestId/documents/:documentId",
    summary: "Файл документа заявки",
    tag: operatorTag,
    auth: true,
    params: OperatorDocumentParams,
    status: 200,
    response: z.unknown(),
    file: true,
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  review: defineRoute({
    method: "POST",
    path: "/api/operator/requests/:requestId/review",
    summary: "Взять заявку на рассмотрение",
    tag: operatorTag,
    auth: true,
    params: OperatorRequestParams,
    status: 200,
    response: OperatorServiceRequest,
    errors: ["FORBIDDEN", "NOT_FOUND", "REQUEST_STATE"],
  }),
  decide: defineRoute({
    method: "POST",
    path: "/api/operator/requests/:requestId/decision",
    summary: "Выполнить (данные лицевого счёта меняются) или отклонить с комментарием",
    tag: operatorTag,
    auth: true,
    params: OperatorRequestParams,
    body: DecisionBody,
    status: 200,
    response: OperatorServiceRequest,
    errors: ["FORBIDDEN", "NOT_FOUND", "REQUEST_STATE", "VALIDATION_FAILED"],
  }),
};
