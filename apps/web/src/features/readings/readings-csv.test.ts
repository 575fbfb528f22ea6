import { expect, it } from "vitest";
import { readingsFile } from "./readings-csv.ts";

it("«Скачать CSV» on «Показания»: a column per zone the readings have, values with a comma", () => {
  const file = readingsFile(
    [
      {
        id: "r2",
        meterId: "m1",
        serialNumber: "011234567",
        status: "ACTIVE",
        takenAt: "2026-11-20T09:00:00.000Z",
        source: "CUSTOMER",
        values: [
          { zone: "T1", value: "12345.6" },
          { zone: "T2", value: "5432.1" },
        ],
      },
      {
        id: "r1",
        meterId: "m1",
        serialNumber: "011234567",
        status: "REPLACED",
        takenAt: "2026-11-18T09:00:00.000Z",
        source: "CUSTOMER",
        values: [
          { zone: "T1", value: "12340" },
          { zone: "T2", value: "5430" },
        ],
      },
    ],
    "7700000001",
    { from: "2025-11-01", to: "2026-11-20" },
  );
  expect(file.filename).toBe("pokazaniya-7700000001-2025-11-01-2026-11-20.csv");
  expect(file.text.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
    "Дата;Счётчик;Т1, кВт·ч;Т2, кВт·ч;Источник;Статус",
    "20.11.2026;011234567;12345,6;5432,1;Переданы вами;Учтены",
    "18.11.2026;011234567;12340;5430;Переданы вами;Заменены",
    "",
  ]);
});
