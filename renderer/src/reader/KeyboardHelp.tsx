import { useTranslation } from 'react-i18next';
import { KEY_SCOPES, SHORTCUTS, shortcutKeysText } from '../../../shared/keymap';
import { Modal } from '../app/Modal';

/** The help sheet: every entry of the keyboard map, grouped by where it applies, in the UI language. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('app.keyboardHelp')} onClose={onClose}>
      <p>{t('keys.intro')}</p>
      <table className="shortcuts">
        {KEY_SCOPES.map((scope) => (
          <tbody key={scope}>
            <tr>
              <th colSpan={2} scope="colgroup">
                {t(`keys.scope.${scope}`)}
              </th>
            </tr>
            {SHORTCUTS.filter((shortcut) => shortcut.scope === scope).map((shortcut) => (
              <tr key={shortcut.id} data-shortcut={shortcut.id}>
                <th scope="row">
                  <kbd>{shortcutKeysText(shortcut)}</kbd>
                </th>
                <td>{t(`keys.action.${shortcut.id}`)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </Modal>
  );
}
