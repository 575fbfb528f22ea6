/** Loaded on demand (router `lazy`): a printable bill is opened from «История» → «Счета». */
export { BillPage as Component } from "../../features/payments/components/BillPage.tsx";
