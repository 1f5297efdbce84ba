import type { Workbench } from './workbench';

/**
 * One `T` per open workbench, made on first use: for state that outlives a call but belongs to
 * one store (job lists), reached from the API handlers and from host routes alike. Held weakly,
 * so a closed workbench takes its `T` with it.
 */
export function perWorkbench<T extends object>(create: (workbench: Workbench) => T): (workbench: Workbench) => T {
  const byWorkbench = new WeakMap<Workbench, T>();
  return (workbench) => {
    let value = byWorkbench.get(workbench);
    if (!value) {
      value = create(workbench);
      byWorkbench.set(workbench, value);
    }
    return value;
  };
}
