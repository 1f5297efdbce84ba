import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseHealth } from '../../../shared/contract';
import { api } from '../api/client';
import { RecoveryScreen } from './RecoveryScreen';
import { errorMessage } from '../i18n/backend';

/** Asks the host whether the database opened; the app renders only when it did. */
export function HealthGate({ children }: { children: ReactNode }) {
  const [health, setHealth] = useState<DatabaseHealth | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getDatabaseHealth({}).then(setHealth, (failure: unknown) => setError(errorMessage(failure)));
  }, []);
  if (error) return <p className="error recovery">{error}</p>;
  if (!health) return null;
  return health.status === 'ok' ? children : <RecoveryScreen health={health} />;
}
