/**
 * The console's screens: where each lives, who may open it, and its code (loaded when first
 * opened, so the sign-in screen stays small). The roles are the API's: the server refuses
 * every action outside the role whatever the console shows (src/http/auth.ts); hiding a
 * screen here only spares a user a screen that would be refused.
 */
import { lazy } from 'preact-iso';
import type { Role } from './session.js';

export type ScreenId = 'dashboard' | 'issue' | 'permits' | 'permit' | 'customs' | 'admin';

export interface Screen {
  id: ScreenId;
  /** preact-iso route pattern under /console. */
  path: string;
  roles: readonly Role[];
  /** Shown in the navigation (a screen with parameters is reached from another). */
  inNav: boolean;
  component: ReturnType<typeof lazy>;
}

export const SCREENS: readonly Screen[] = [
  { id: 'dashboard', path: '/console/', roles: ['officer', 'admin'], inNav: true, component: lazy(() => import('./screens/dashboard/index.js')) },
  { id: 'issue', path: '/console/issue', roles: ['officer'], inNav: true, component: lazy(() => import('./screens/issue/index.js')) },
  { id: 'permits', path: '/console/permits', roles: ['officer', 'admin'], inNav: true, component: lazy(() => import('./screens/permits/index.js')) },
  { id: 'permit', path: '/console/permits/:number', roles: ['officer', 'admin'], inNav: false, component: lazy(() => import('./screens/permit/index.js')) },
  { id: 'customs', path: '/console/customs', roles: ['customs'], inNav: true, component: lazy(() => import('./screens/customs/index.js')) },
  { id: 'admin', path: '/console/admin', roles: ['admin'], inNav: true, component: lazy(() => import('./screens/admin/index.js')) },
];

/** Where a user lands after signing in: customs officers work on the phone screen. */
export function homeOf(role: Role): string {
  return role === 'customs' ? '/console/customs' : '/console/';
}
