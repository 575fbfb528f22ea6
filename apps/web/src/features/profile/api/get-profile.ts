import { profileRoutes } from "@lk/contract/profile";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { profileKeys } from "./keys.ts";

/** ФИО, e-mail (confirmed or not), phone and the newsletter consent. */
export const getProfile = () => apiCall(profileRoutes.get);

export const profileQueryOptions = () => queryOptions({ queryKey: profileKeys.profile(), queryFn: getProfile });

export function useProfile() {
  return useQuery(profileQueryOptions());
}
