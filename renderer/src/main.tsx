import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import { StoreContext } from './state/context.ts';
import { createAppStore } from './state/store.ts';
import './styles.css';

initI18n();
const store = createAppStore(connect());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
void store
  .getState()
  .boot()
  .catch((e: unknown) => store.getState().notify({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
