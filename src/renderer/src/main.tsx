import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { pickLocale } from '../../shared/locale';
import { applyLanguage, currentLocale } from './i18n/messages';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The OS language, as Electron (or the browser) reports it, picks the interface language.
// If the translation's chunk cannot load, English beats a blank window.
void applyLanguage(pickLocale(navigator.languages))
  .catch(() => undefined)
  .then(() => {
    document.documentElement.lang = currentLocale();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
