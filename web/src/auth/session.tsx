import { createContext, useContext, type ReactNode } from 'react';
import type { Me, Role } from '../api/types';

/**
 * The signed-in user, provided by the authenticated layout. What a role may change mirrors
 * src/domain/policies.ts; the server enforces it anyway, the UI only hides what would be refused.
 */
export type Resource = 'creditor' | 'debtor' | 'contact' | 'address' | 'claim' | 'payment' | 'note' | 'user';

const WRITE: Record<Role, ReadonlySet<Resource>> = {
  admin: new Set(['creditor', 'debtor', 'contact', 'address', 'claim', 'payment', 'note', 'user']),
  supervisor: new Set(['creditor', 'debtor', 'contact', 'address', 'claim', 'payment', 'note']),
  operator: new Set(['debtor', 'contact', 'address', 'claim', 'payment', 'note']),
  viewer: new Set(),
};

export function canWrite(user: Pick<Me, 'role'>, resource: Resource): boolean {
  return WRITE[user.role]?.has(resource) ?? false;
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
