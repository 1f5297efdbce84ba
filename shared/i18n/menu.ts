/**
 * The strings of the desktop menu and the native dialogs, in both UI languages. Pure data (no
 * zod, no Electron), read by the Electron main process; the renderer's own strings live in
 * renderer/src/i18n.
 */
import { pickLanguage, type Language } from './languages';

export type ShellLanguage = Language;

export interface ShellStrings {
  menu: {
    file: string;
    edit: string;
    view: string;
    help: string;
    import: string;
    export: string;
    restoreBackup: string;
    exportWork: string;
    importPackage: string;
    library: string;
    concordance: string;
    dashboard: string;
    entities: string;
    briefs: string;
    schema: string;
    quit: string;
    close: string;
    undo: string;
    redo: string;
    copy: string;
    selectAll: string;
    toggleLanguage: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    devTools: string;
    keyboardHelp: string;
    about: string;
  };
  dialogs: {
    importFiles: string;
    importFolder: string;
    articleFiles: string;
    export: string;
    cannotStart: string;
  };
}

export const SHELL_STRINGS: Record<ShellLanguage, ShellStrings> = {
  en: {
    menu: {
      file: 'File',
      edit: 'Edit',
      view: 'View',
      help: 'Help',
      import: 'Import…',
      export: 'Export…',
      restoreBackup: 'Restore from backup…',
      exportWork: 'Export my work…',
      importPackage: 'Import a colleague’s package…',
      library: 'Library',
      concordance: 'Concordance',
      dashboard: 'Dashboard',
      entities: 'Entities',
      briefs: 'Briefs',
      schema: 'Label schema',
      quit: 'Quit',
      close: 'Close window',
      undo: 'Undo',
      redo: 'Redo',
      copy: 'Copy',
      selectAll: 'Select all',
      toggleLanguage: 'Switch language (VI/EN)',
      resetZoom: 'Actual size',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      fullScreen: 'Full screen',
      devTools: 'Developer tools',
      keyboardHelp: 'Keyboard shortcuts',
      about: 'About Marginalia',
    },
    dialogs: {
      importFiles: 'Import articles',
      importFolder: 'Import a folder of articles',
      articleFiles: 'Articles',
      export: 'Export annotations',
      cannotStart: 'Marginalia cannot start',
    },
  },
  vi: {
    menu: {
      file: 'Tệp',
      edit: 'Sửa',
      view: 'Xem',
      help: 'Trợ giúp',
      import: 'Nhập…',
      export: 'Xuất…',
      restoreBackup: 'Khôi phục từ bản sao lưu…',
      exportWork: 'Xuất công việc của tôi…',
      importPackage: 'Nhập gói của đồng nghiệp…',
      library: 'Thư viện',
      concordance: 'Tra cứu ngữ cảnh',
      dashboard: 'Tổng quan',
      entities: 'Thực thể',
      briefs: 'Bản tóm lược',
      schema: 'Bộ nhãn',
      quit: 'Thoát',
      close: 'Đóng cửa sổ',
      undo: 'Hoàn tác',
      redo: 'Làm lại',
      copy: 'Sao chép',
      selectAll: 'Chọn tất cả',
      toggleLanguage: 'Đổi ngôn ngữ (VI/EN)',
      resetZoom: 'Cỡ thật',
      zoomIn: 'Phóng to',
      zoomOut: 'Thu nhỏ',
      fullScreen: 'Toàn màn hình',
      devTools: 'Công cụ cho nhà phát triển',
      keyboardHelp: 'Phím tắt',
      about: 'Giới thiệu Marginalia',
    },
    dialogs: {
      importFiles: 'Nhập bài viết',
      importFolder: 'Nhập một thư mục bài viết',
      articleFiles: 'Bài viết',
      export: 'Xuất chú thích',
      cannotStart: 'Không khởi động được Marginalia',
    },
  },
};

/** Vietnamese for a Vietnamese system locale (vi, vi-VN…), English otherwise; as the renderer. */
export function shellLanguageOf(locale: string): ShellLanguage {
  return pickLanguage({ query: null, stored: null, systemLocale: locale });
}
