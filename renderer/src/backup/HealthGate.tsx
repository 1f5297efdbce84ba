import type { ReactNode } from 'react';
import type { DatabaseHealth } from '../../../shared/contract';
import { RecoveryScreen } from './RecoveryScreen';

/** The host's answer to `getDatabaseHealth`, or why it could not be asked. */
export type HealthAnswer = { health: DatabaseHealth } | { error: string };

/**
 * The app renders only when the database opened; a damaged one shows the recovery screen. The
 * health is asked for before the first render (main.tsx; the start script sent the call), so the
 * app mounts in the first render, not after a render of nothing and an effect's round trip.
 */
export function HealthGate({ answer, children }: { answer: HealthAnswer; children: ReactNode }) {
  if ('error' in answer) return <p className="error recovery">{answer.error}</p>;
  return answer.health.status === 'ok' ? children : <RecoveryScreen health={answer.health} />;
}
