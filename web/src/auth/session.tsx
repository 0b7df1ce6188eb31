import { createContext, useContext, type ReactNode } from 'react';
import type { Me, Role } from '../api/types';

import { can, type Resource } from '../../../src/domain/policies';

export type { Resource };

/**
 * The signed-in user, provided by the authenticated layout. What a role may change is the domain's
 * own policy (src/domain/policies.ts); the server enforces it anyway, the UI only hides what would be
 * refused.
 */
export function canWrite(user: Pick<Me, 'role'>, resource: Resource): boolean {
  return can({ role: user.role as Role, tenantId: '', userId: null, creditorId: null, label: '' }, 'create', resource);
}

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ user, children }: { user: Me; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useUser(): Me {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside an authenticated page');
  return user;
}

export function useCan(resource: Resource): boolean {
  return canWrite(useUser(), resource);
}
