import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../../shared/contract/app-commands';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { SHELL_STRINGS, shellLanguageOf } from '../../../shared/i18n/menu';
import { buildMenuTemplate, type MenuTemplateOptions } from '../../../electron/main/menu-template';

function build(overrides: Partial<MenuTemplateOptions> & Pick<MenuTemplateOptions, 'language'>) {
  const ran: AppCommand[] = [];
  const template = buildMenuTemplate({
    isMac: false,
    isPackaged: true,
    run: (command) => ran.push(command),
    acceleratorOf: (command) => (command === 'undo' ? 'CmdOrCtrl+Z' : undefined),
    ...overrides,
  });
  return { template, ran };
}

/** Every item, depth first, as [label, role]. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? items(entry.submenu) : [])]);
}

describe('menu template', () => {
  it('is in Vietnamese: top menus, commands and role items', () => {
    const { template } = build({ language: 'vi' });
    expect(template.map((menu) => menu.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    const labels = items(template).map((entry) => entry.label);
    for (const label of ['Nhập…', 'Xuất…', 'Thư viện', 'Hoàn tác', 'Làm lại', 'Sao chép', 'Phím tắt', 'Thoát'])
      expect(labels).toContain(label);
  });

  it('is in English, with the same structure', () => {
    const english = build({ language: 'en' }).template;
    const vietnamese = build({ language: 'vi' }).template;
    expect(english.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const shape = (template: MenuItemConstructorOptions[]) =>
      items(template).map((entry) => [entry.role ?? null, entry.type ?? null, entry.accelerator ?? null]);
    expect(shape(english)).toEqual(shape(vietnamese));
  });

  it('every item a person reads has a label in both languages (no English role defaults)', () => {
    for (const language of LANGUAGES) {
      const { template } = build({ language, isMac: false, isPackaged: false });
      const unlabeled = items(template).filter((entry) => entry.type !== 'separator' && !entry.label);
      expect(unlabeled).toEqual([]);
    }
  });

  it('items run their command; accelerators are shown, not registered', () => {
    const { template, ran } = build({ language: 'vi' });
    const commandItems = items(template).filter((entry) => entry.click);
    for (const entry of commandItems) (entry.click as () => void)();
    expect([...ran].sort()).toEqual([...APP_COMMANDS].sort());
    const undo = items(template).find((entry) => entry.label === 'Hoàn tác');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
  });

  it('macOS gets the app menu and Close window; developer tools only unpackaged', () => {
    const mac = items(build({ language: 'vi', isMac: true, isPackaged: false }).template);
    expect(mac[0]?.role).toBe('appMenu');
    expect(mac.find((entry) => entry.role === 'close')?.label).toBe('Đóng cửa sổ');
    expect(mac.some((entry) => entry.role === 'toggleDevTools')).toBe(true);
    expect(items(build({ language: 'en' }).template).some((entry) => entry.role === 'toggleDevTools')).toBe(false);
  });

  it('both languages have every shell string, none empty', () => {
    const keys = (language: 'vi' | 'en') =>
      Object.entries(SHELL_STRINGS[language]).flatMap(([group, strings]) =>
        Object.entries(strings).map(([key, value]) => {
          expect(value, `${language}.${group}.${key}`).not.toBe('');
          return `${group}.${key}`;
        }),
      );
    expect(keys('vi')).toEqual(keys('en'));
  });

  it('picks Vietnamese for a Vietnamese system locale, English otherwise', () => {
    expect(shellLanguageOf('vi')).toBe('vi');
    expect(shellLanguageOf('vi-VN')).toBe('vi');
    expect(shellLanguageOf('en-US')).toBe('en');
    expect(shellLanguageOf('')).toBe('en');
  });
});
