import { useTranslation } from 'react-i18next';
import { useReaderStore } from './reader-store';

/**
 * Site chrome cut off at import ("Phản hồi", "Các tin khác", copyright lines…): kept out of the
 * annotatable text, shown collapsed, and restorable into the text with one click.
 */
export function TrimmedBlock({ trimmedText }: { trimmedText: string }) {
  const { t } = useTranslation();
  const restoreTrimmed = useReaderStore((state) => state.restoreTrimmed);
  const lines = trimmedText.split('\n').filter((line) => line.trim()).length;
  return (
    <details className="trimmed">
      <summary>{t('reader.trimmed.summary', { count: lines })}</summary>
      <pre className="trimmed__text" lang="vi">
        {trimmedText.replace(/^\n+/, '')}
      </pre>
      <button type="button" onClick={() => void restoreTrimmed()}>
        {t('reader.trimmed.restore')}
      </button>
    </details>
  );
}
