import { describe, expect, it } from "vitest";
import { addFiles, emptyRequestForm, formFieldOf, UNCHANGED, uploadsOf, validateRequest } from "./request-form.ts";

const current = {
  ownerName: "Иванова Мария Петровна",
  residents: 3,
  rooms: 2,
  totalArea: "54.30",
  livingArea: "33.67",
  tariffPlan: "SINGLE" as const,
};
const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

describe("the request form's own checks", () => {
  it("asks for a tariff, and refuses the one the account is already on", () => {
    const files = {};
    expect(validateRequest({ ...emptyRequestForm, kind: "TARIFF" }, files, current).errors).toEqual({
      tariffPlan: "Выберите тариф.",
    });
    expect(
      validateRequest({ ...emptyRequestForm, kind: "TARIFF", tariffPlan: "SINGLE" }, files, current).errors,
    ).toEqual({ tariffPlan: UNCHANGED });
    expect(
      validateRequest({ ...emptyRequestForm, kind: "TARIFF", tariffPlan: "TWO_ZONE" }, files, current).body,
    ).toEqual({
      change: { kind: "TARIFF", tariffPlan: "TWO_ZONE" },
    });
  });

  it("asks to choose a service first", () => {
    expect(validateRequest(emptyRequestForm, {}, current).errors).toEqual({ kind: "Выберите, что нужно изменить." });
  });

  it("builds the contract's body: residents as a number, areas with a decimal comma", () => {
    const files = { register: [file("a.pdf")], egrn: [file("b.pdf")] };
    expect(validateRequest({ ...emptyRequestForm, kind: "RESIDENTS", residents: " 4 " }, files, current).body).toEqual({
      change: { kind: "RESIDENTS", residents: 4 },
      comment: undefined,
    });
    const area = {
      ...emptyRequestForm,
      kind: "AREA" as const,
      totalArea: "61,5",
      livingArea: "40",
      comment: " Перепланировка ",
    };
    expect(validateRequest(area, files, current).body).toEqual({
      change: { kind: "AREA", totalArea: "61,5", livingArea: "40" },
      comment: "Перепланировка",
    });
  });

  it("puts the contract's messages, «Совпадает с текущим значением» and a missing document on their fields", () => {
    expect(validateRequest({ ...emptyRequestForm, kind: "RESIDENTS", residents: "2,5" }, {}, current).errors).toEqual({
      residents: "Укажите количество проживающих целым числом.",
      register: "Приложите этот документ.",
    });
    const same = { ...emptyRequestForm, kind: "AREA" as const, totalArea: "54,3", livingArea: "33,67" };
    expect(validateRequest(same, { egrn: [file("a.pdf")] }, current).errors).toEqual({
      totalArea: UNCHANGED,
      livingArea: UNCHANGED,
    });
    const owner = { ...emptyRequestForm, kind: "OWNER" as const, ownerName: "  Иванова Мария Петровна " };
    expect(validateRequest(owner, { ownership: [file("a.pdf")], passport: [file("b.jpg")] }, current).errors).toEqual({
      ownerName: UNCHANGED,
    });
  });

  it("keeps only files that could be documents, and says why the others were not added", () => {
    const result = addFiles(
      {},
      "register",
      [file("ok.pdf"), file("empty.pdf", 0), file("big.png", 5 * 1024 * 1024 + 1), file("notes.txt")],
      "RESIDENTS",
    );
    expect(result.files.register?.map((f) => f.name)).toEqual(["ok.pdf"]);
    expect(result.error).toBe(
      "Файл «empty.pdf» пустой. Файл «big.png» больше 5 МБ. Уменьшите его или сожмите. Файл «notes.txt» не PDF, JPEG или PNG. Приложите документ в одном из этих форматов.",
    );
  });

  it("counts the five files across the service's slots", () => {
    const four = addFiles(
      {},
      "register",
      [1, 2, 3, 4].map((n) => file(`${n}.pdf`)),
      "RESIDENTS",
    ).files;
    const result = addFiles(four, "other", [file("5.jpg"), file("6.jpg")], "RESIDENTS");
    expect(uploadsOf("RESIDENTS", result.files).map((u) => `${u.slot}/${u.file.name}`)).toEqual([
      "register/1.pdf",
      "register/2.pdf",
      "register/3.pdf",
      "register/4.pdf",
      "other/5.jpg",
    ]);
    expect(result.error).toBe("Можно приложить не больше 5 файлов, «6.jpg» не добавлен.");
  });

  it("maps the API's field paths to the form's", () => {
    expect(["change.residents", "change.kind", "register", "comment"].map(formFieldOf)).toEqual([
      "residents",
      "kind",
      "register",
      "comment",
    ]);
  });
});
