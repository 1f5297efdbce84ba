import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import type { en } from '../i18n/en';

type ShortcutId = keyof typeof en.keys.action;
const SHORTCUTS: [ShortcutId, string][] = [
  ['extend-selection', 'Shift+← →'],
  ['apply-label', '1 … 9, 0'],
  ['click-span', ''],
  ['cycle-spans', 'Tab / Shift+Tab'],
  ['move-end', 'Alt+← / Alt+→'],
  ['move-start', 'Alt+Shift+← / →'],
  ['delete-span', 'Delete / Backspace'],
  ['undo', 'Ctrl+Z'],
  ['redo', 'Ctrl+Shift+Z, Ctrl+Y'],
  ['clear-selection', 'Esc'],
  ['import-export', 'Ctrl+O / Ctrl+E'],
  ['keyboard-help', '?'],
];

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('app.keyboardHelp')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([id, keys]) => (
            <tr key={id}>
              <th>
                <kbd>{keys || t(`keys.text.${id as 'click-span'}`)}</kbd>
              </th>
              <td>{t(`keys.action.${id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
