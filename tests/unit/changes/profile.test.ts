import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openWorkbench } from '../../../electron/services/workbench';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

describe('local profile', () => {
  it('defaults to the OS user name, not set, until the user picks a name, which is kept across restarts', async () => {
    const workbench = freshWorkbench();
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const call = (name: 'getProfile' | 'setProfile', input: unknown) => dispatchCall(handlers, name, input, () => {});

    expect(await call('getProfile', {})).toEqual({
      ok: true,
      value: { displayName: userInfo().username, isSet: false },
    });
    expect(await call('setProfile', { displayName: '  Nguyễn Thị Lan  ' })).toEqual({
      ok: true,
      value: { displayName: 'Nguyễn Thị Lan', isSet: true },
    });

    workbench.close();
    const reopened = openWorkbench(workbench.databasePath);
    try {
      expect(reopened.profile.get()).toEqual({ displayName: 'Nguyễn Thị Lan', isSet: true });
    } finally {
      reopened.close();
    }
  });

  it('refuses an empty or over-long name with a clear message and keeps the old one', async () => {
    const workbench = freshWorkbench();
    workbench.profile.set('Lan');
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const blank = await dispatchCall(handlers, 'setProfile', { displayName: '   ' }, () => {});
    expect(blank).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'displayName', message: 'The display name cannot be empty.' }] },
    });
    const long = await dispatchCall(handlers, 'setProfile', { displayName: 'x'.repeat(81) }, () => {});
    expect(long).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'displayName', message: 'The display name can be at most 80 characters long.' }] },
    });
    expect(() => workbench.profile.set('')).toThrow('The display name cannot be empty.');
    expect(workbench.profile.get()).toEqual({ displayName: 'Lan', isSet: true });
  });

  it('is the author of what is made after it changes; earlier annotations keep theirs', () => {
    const workbench = freshWorkbench();
    const articleId = addArticle(workbench, 'Hà Nội và Huế.');
    workbench.profile.set('Lan');
    workbench.annotations.create({ articleId, labelKey: 'LOC', start: 0, end: 6, quote: 'Hà Nội' });
    workbench.profile.set('Minh');
    workbench.annotations.create({ articleId, labelKey: 'LOC', start: 10, end: 13, quote: 'Huế' });
    expect(workbench.annotations.list(articleId).map((a) => [a.quote, a.author])).toEqual([
      ['Hà Nội', 'Lan'],
      ['Huế', 'Minh'],
    ]);
  });
});
