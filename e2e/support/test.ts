import { test as base } from "@playwright/test";
import { OPEN_DAY } from "./dates.ts";

/**
 * The journeys' `test`: in the mock project the mock API's date is set before the app starts
 * (the real app's clock is set by its server), so both worlds agree on the day.
 */
export const test = base.extend<{ mockDate: string }>({
  mockDate: [OPEN_DAY, { option: true }],
  page: async ({ page, mockDate }, use, info) => {
    if (info.project.name === "mock") {
      // Only on the first load: a journey may move the date itself (e.g. to the next month).
      await page.addInitScript((date) => {
        if (!window.localStorage.getItem("lk-mock-date")) window.localStorage.setItem("lk-mock-date", date);
      }, mockDate);
    }
    await use(page);
  },
});

export { expect } from "@playwright/test";
