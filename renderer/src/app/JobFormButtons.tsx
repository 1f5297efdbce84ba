import { useTranslation } from 'react-i18next';

/**
 * The buttons under a dialog that starts a job (export, package, pre-annotation): submit, and
 * Cancel while the job runs, since the dialog cannot be closed then.
 */
export function JobFormButtons({
  submitLabel,
  running,
  submitDisabled = false,
  onCancel,
}: {
  submitLabel: string;
  running: boolean;
  submitDisabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <button type="submit" className="primary" disabled={running || submitDisabled}>
        {submitLabel}
      </button>
      {running ? (
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      ) : null}
    </div>
  );
}
