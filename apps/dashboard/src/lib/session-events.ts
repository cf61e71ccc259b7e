/** Lets the API client tell the app shell that the session ended, without importing React. */
type Listener = () => void;

const listeners = new Set<Listener>();

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
