import { dialog, type BrowserWindow } from 'electron';
import type { HostAdapter } from '../services/api/host';
import { IMPORT_EXTENSIONS } from '../../shared/import/import-formats';

const ARTICLE_EXTENSIONS = IMPORT_EXTENSIONS.map((extension) => extension.slice(1));

/** Native open and save dialogs, attached to the main window when there is one. */
export function nativeDialogs(
  getWindow: () => BrowserWindow | null,
): Pick<HostAdapter, 'pickImportPaths' | 'pickExportPath'> {
  return {
    pickImportPaths: async ({ folders }) => {
      const options: Electron.OpenDialogOptions = {
        title: folders ? 'Import a folder of articles' : 'Import articles',
        properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: folders ? [] : [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    pickExportPath: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = { title: 'Export annotations', defaultPath: suggestedName };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
