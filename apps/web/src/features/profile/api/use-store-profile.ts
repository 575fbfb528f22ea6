import type { User } from "@lk/contract/auth";
import type { Profile } from "@lk/contract/profile";
import { useQueryClient } from "@tanstack/react-query";
import { sessionKeys } from "../../auth/api/session.ts";
import { profileKeys } from "./keys.ts";

/**
 * Keeps an answered profile: in the profile's cache and in the signed-in user (the top bar's name,
 * the login), so the whole app shows the new name, e-mail or phone at once.
 */
export function useStoreProfile() {
  const queryClient = useQueryClient();
  return (profile: Profile) => {
    queryClient.setQueryData(profileKeys.profile(), profile);
    queryClient.setQueryData<User | null>(sessionKeys.current, (user) =>
      user ? { ...user, fullName: profile.fullName, email: profile.email, phone: profile.phone } : user,
    );
  };
}
