import { Modal } from '../app/Modal';

const SHORTCUTS: [string, string][] = [
  ['Drag, or Shift+← →', 'Select text (snaps to whole syllables; hold Alt for exact characters)'],
  ['1 … 9, 0', 'Tag the selection with that label, or relabel the selected span'],
  ['Click a span', 'Select the innermost span there'],
  ['Tab / Shift+Tab', 'Cycle through the spans under the caret'],
  ['Alt+← / Alt+→', 'Move the end of the selected span by a syllable'],
  ['Alt+Shift+← / →', 'Move the start of the selected span'],
  ['Delete / Backspace', 'Delete the selected span'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
  ['Esc', 'Clear the selection'],
  ['Ctrl+O / Ctrl+E', 'Import… / Export…'],
  ['?', 'This sheet'],
];

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th>
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
