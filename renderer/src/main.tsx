import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/vietnamese-600.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './styles/app.css';
// Before the app: the first render is already in the chosen language.
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { HealthGate } from './backup/HealthGate';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <HealthGate>
      <App />
    </HealthGate>
  </StrictMode>,
);
