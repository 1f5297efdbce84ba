import { StrictMode, useLayoutEffect, type ReactNode } from 'react';
import { HealthGate, type HealthAnswer } from '../backup/HealthGate';
import { App } from './App';

/**
 * The app's whole tree, as the page renders it (main.tsx) and as the host renders the library's
 * first screen for the page to hydrate (first-screen/): one tree, so that both give the same
 * markup (React's `useId` and hydration follow the tree's shape). `onFirstCommit` runs in the
 * commit of the first render, before that frame is painted.
 */
export function AppRoot({ answer, onFirstCommit }: { answer: HealthAnswer; onFirstCommit?: () => void }) {
  return (
    <StrictMode>
      <FirstCommit onCommit={onFirstCommit}>
        <HealthGate answer={answer}>
          <App />
        </HealthGate>
      </FirstCommit>
    </StrictMode>
  );
}

function FirstCommit({ onCommit, children }: { onCommit?: () => void; children: ReactNode }) {
  useLayoutEffect(() => onCommit?.(), [onCommit]);
  return children;
}
