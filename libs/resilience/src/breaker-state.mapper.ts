import { CircuitState } from 'cockatiel';
import type { BreakerState } from './service-client.types.js';

/** cockatiel's state as metrics report it; a manually isolated circuit counts as open. */
export function toBreakerState(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
  }
}
