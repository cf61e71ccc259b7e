/** Lets the API client tell the app shell that the session ended or got limited, without importing React. */
type Listener = () => void;

const listeners = new Set<Listener>();
const limitedListeners = new Set<Listener>();

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let expiredSinceLastLogin = false;

export function notifySessionExpired(): void {
  expiredSinceLastLogin = true;
  for (const listener of listeners) listener();
}

/** Whether a session ended under the user's feet since the last login, so the login page can say why. */
export function wasSessionExpired(): boolean {
  return expiredSinceLastLogin;
}

export function resetSessionExpired(): void {
  expiredSinceLastLogin = false;
}

/**
 * A route answered 403 password_change_required: the account now has a one-time password (staff
 * reset it, and this tab still remembers the session from before) and must choose its own.
 */
export function onPasswordChangeRequired(listener: Listener): () => void {
  limitedListeners.add(listener);
  return () => limitedListeners.delete(listener);
}

export function notifyPasswordChangeRequired(): void {
  for (const listener of limitedListeners) listener();
}
