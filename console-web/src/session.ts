/** Who is signed in, shared by the shell and every screen. Roles are the API's (src/auth). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Role = 'officer' | 'customs' | 'admin';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in screen');
  return session;
}
