import { dialog, type BrowserWindow } from 'electron';
import { SHELL_STRINGS, type ShellLanguage } from '../../shared/i18n/menu';
import type { HostAdapter } from '../services/api/host';
import { IMPORT_EXTENSIONS } from '../../shared/import/import-formats';

const ARTICLE_EXTENSIONS = IMPORT_EXTENSIONS.map((extension) => extension.slice(1));

/** Native open and save dialogs, attached to the main window when there is one, titled in `language`. */
export function nativeDialogs(
  getWindow: () => BrowserWindow | null,
  language: ShellLanguage,
): Pick<HostAdapter, 'pickImportPaths' | 'pickExportPath'> {
  const s = SHELL_STRINGS[language].dialogs;
  return {
    pickImportPaths: async ({ folders }) => {
      const options: Electron.OpenDialogOptions = {
        title: folders ? s.importFolder : s.importFiles,
        properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: folders ? [] : [{ name: s.articleFiles, extensions: ARTICLE_EXTENSIONS }],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    pickExportPath: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = { title: s.export, defaultPath: suggestedName };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
