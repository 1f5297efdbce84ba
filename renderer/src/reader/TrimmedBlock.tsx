import { useReaderStore } from './reader-store';

/**
 * Site chrome cut off at import ("Phản hồi", "Các tin khác", copyright lines…): kept out of the
 * annotatable text, shown collapsed, and restorable into the text with one click.
 */
export function TrimmedBlock({ trimmedText }: { trimmedText: string }) {
  const restoreTrimmed = useReaderStore((state) => state.restoreTrimmed);
  const lines = trimmedText.split('\n').filter((line) => line.trim()).length;
  return (
    <details className="trimmed">
      <summary>
        Trimmed page chrome ({lines} {lines === 1 ? 'line' : 'lines'}), not part of the annotatable text
      </summary>
      <pre className="trimmed__text" lang="vi">
        {trimmedText.replace(/^\n+/, '')}
      </pre>
      <button type="button" onClick={() => void restoreTrimmed()}>
        Restore into the text
      </button>
    </details>
  );
}
