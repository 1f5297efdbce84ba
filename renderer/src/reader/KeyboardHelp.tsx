import { KEY_SCOPES, KEY_SCOPE_TITLES, SHORTCUTS, shortcutKeysText } from '../../../shared/keymap';
import { Modal } from '../app/Modal';

/** The help sheet: every entry of the keyboard map, grouped by where it applies. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <p>
        Drag over text to select it (snaps to whole syllables; hold Alt for exact characters). Click a span to select
        the innermost span there.
      </p>
      <table className="shortcuts">
        {KEY_SCOPES.map((scope) => (
          <tbody key={scope}>
            <tr>
              <th colSpan={2} scope="colgroup">
                {KEY_SCOPE_TITLES[scope]}
              </th>
            </tr>
            {SHORTCUTS.filter((shortcut) => shortcut.scope === scope).map((shortcut) => (
              <tr key={shortcut.id} data-shortcut={shortcut.id}>
                <th scope="row">
                  <kbd>{shortcutKeysText(shortcut)}</kbd>
                </th>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </Modal>
  );
}
