import type { InterceptionBackEnd } from '../../fixtures/back-end-slot';
import type { FixtureRecorder } from '../../fixtures/fixture-recorder';

export function activateNockBackEnd(_recorder: FixtureRecorder): InterceptionBackEnd {
  throw new Error('todo');
}
