/**
 * Who is signed in: the token and what it says about its holder, kept for this browser tab
 * only (sessionStorage), so closing the tab signs out.
 */
export interface Actor {
  readonly sub: string;
  readonly name: string;
  readonly role: string;
  readonly unit?: string;
}

export interface Session {
  readonly token: string;
  readonly actor: Actor;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const KEY = 'khuyencong.session';
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const text = sessionStorage.getItem(KEY);
  if (text === null) return null;
  try {
    const session = JSON.parse(text) as Session;
    if (session.expiresAt <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The claims of a JWT (not verified here: the server verifies every request). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}
