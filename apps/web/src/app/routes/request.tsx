/** Loaded on demand (router `lazy`): a request is opened from «Мои заявки». */
export { RequestPage as Component } from "../../features/requests/components/RequestPage.tsx";
