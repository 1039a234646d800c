/** Signing out: apart from login.ts, so that the form page's island fetches it on the click only (form/lazy.ts). */
import { logout, type ApiError } from './api.ts';
import { keepOnlyDraftsOf } from './form/drafts.ts';
import { LOGIN_PATH } from './login.ts';

/** Ends the session and goes to the login page; on failure returns the error and stays. */
export async function signOut(): Promise<ApiError | undefined> {
  const result = await logout();
  // 401: the session had already ended, which is what the user asked for.
  if (!result.ok && result.error.status !== 401) return result.error;
  // Signing out of a shared office computer leaves no unsent report on it for the next user.
  keepOnlyDraftsOf();
  location.assign(LOGIN_PATH);
  return undefined;
}
