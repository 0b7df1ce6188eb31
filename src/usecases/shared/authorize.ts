import { forbidden } from '../../domain/errors.ts';
import { can, type Action, type Actor, type Resource } from '../../domain/policies.ts';

export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw forbidden();
}
