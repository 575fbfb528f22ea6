import { profileRoutes, type UpdateProfileBody } from "@lk/contract/profile";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { useStoreProfile } from "./use-store-profile.ts";

/** ФИО or the newsletter consent: nothing else of the profile changes without a code. */
export const updateProfile = (body: UpdateProfileBody) => apiCall(profileRoutes.update, { body });

export function useUpdateProfile() {
  const store = useStoreProfile();
  return useMutation({ mutationFn: updateProfile, onSuccess: store });
}
