import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store';

/** Messages that must be seen (rejected writes, failed loads) without blocking the work. */
export function Toasts() {
  const { t } = useTranslation();
  const { toasts, dismissToast } = useAppStore();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : undefined}
        >
          <span>{toast.message}</span>
          <button type="button" aria-label={t('app.dismiss')} onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
