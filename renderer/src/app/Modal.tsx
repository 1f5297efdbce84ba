import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  title: string;
  onClose: () => void;
  /** While a job runs, closing would hide its progress: the close button and Esc are off. */
  closeDisabled?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog over the app: titled, closable with × or Esc, and labelled for assistive tech. */
export function Modal({ title, onClose, closeDisabled = false, wide = false, children }: ModalProps) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !closeDisabled) {
        event.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => document.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onClose, closeDisabled]);

  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
      <div className={`modal__body ${wide ? 'modal__body--wide' : ''}`}>
        <header className="modal__header">
          <h2>{title}</h2>
          <button type="button" onClick={onClose} aria-label={t('app.close')} disabled={closeDisabled}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
