import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract';
import { api } from '../api/client';
import { formatCount } from '../library/format';

const REASONS: Record<BackupInfo['reason'], string> = {
  rolling: 'automatic',
  manual: 'made by hand',
  'before-restore': 'before a restore',
};

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** After a restore every store of the page is stale: start the page afresh, on the library. */
function reloadOnLibrary(): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  window.location.reload();
}

/**
 * The backups, newest first, each with what it holds; the newest good one is chosen at
 * first. Restoring asks for confirmation, replaces the database and reloads the page.
 */
export function BackupPicker({ confirmText }: { confirmText: string }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listBackups({}).then(
      (list) => {
        setBackups(list);
        setChosen(list.find((backup) => backup.preview.ok)?.fileName ?? null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.restoreBackup({ fileName: chosen });
      reloadOnLibrary();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
      setConfirming(false);
    }
  };

  if (backups === null) return error ? <p className="error">{error}</p> : <p className="muted">Reading backups…</p>;
  if (backups.length === 0) return <p className="muted">There are no backups of this database yet.</p>;
  const chosenBackup = backups.find((backup) => backup.fileName === chosen) ?? null;
  return (
    <div className="backups">
      <table className="backups__table">
        <thead>
          <tr>
            <th aria-label="Choose" />
            <th>Taken</th>
            <th className="num">Articles</th>
            <th className="num">Annotations</th>
            <th>Last change</th>
            <th className="num">Size</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.fileName} className={backup.preview.ok ? '' : 'backups__bad'}>
              <td>
                <input
                  type="radio"
                  name="backup"
                  aria-label={`Backup of ${formatTime(backup.createdAt)}`}
                  disabled={!backup.preview.ok || busy}
                  checked={chosen === backup.fileName}
                  onChange={() => {
                    setChosen(backup.fileName);
                    setConfirming(false);
                  }}
                />
              </td>
              <td>
                {formatTime(backup.createdAt)} <span className="muted">({REASONS[backup.reason]})</span>
              </td>
              {backup.preview.ok ? (
                <>
                  <td className="num">{formatCount(backup.preview.articleCount ?? 0)}</td>
                  <td className="num">{formatCount(backup.preview.annotationCount ?? 0)}</td>
                  <td>{formatTime(backup.preview.newestChangeAt)}</td>
                </>
              ) : (
                <td colSpan={3} className="error">
                  Damaged: {backup.preview.problem}
                </td>
              )}
              <td className="num">{formatSize(backup.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        {confirming && chosenBackup ? (
          <>
            <span>
              {confirmText} Replace it with the backup of {formatTime(chosenBackup.createdAt)}?
            </span>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
              {busy ? 'Restoring…' : 'Yes, restore'}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              No
            </button>
          </>
        ) : (
          <button type="button" className="primary" disabled={!chosen} onClick={() => setConfirming(true)}>
            Restore this backup…
          </button>
        )}
      </div>
    </div>
  );
}
