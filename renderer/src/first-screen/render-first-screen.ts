/**
 * The first screen's renderer, built for Node (out/main/firstScreen.js, electron.vite.config.ts)
 * and run in a worker thread by the hosts (electron/services/first-screen/): the browser globals
 * the app's modules read as they load are set first (browser-stand-ins.ts), then those modules
 * are loaded, at once, so they are compiled before the first page is asked for. A static import
 * would not do: the build hoists the shared chunks' loads above this module's own code.
 */
import './browser-stand-ins';
import type { RenderFirstScreen } from '../../../shared/contract/first-screen';

const app = import('./library-first-screen');

export const renderFirstScreen: RenderFirstScreen = async (request) => (await app).renderLibraryFirstScreen(request);
