import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstConnection } from './api/first-requests.ts';
import { App } from './App.tsx';
import { warmLazyParts } from './components/lazy-parts.ts';
import { initI18n } from './i18n/index.ts';
import { StoreContext } from './state/context.ts';
import { createAppStore } from './state/store.ts';
import './styles.css';

initI18n();
// The connection the first requests went out on (early.ts): their answers are on their way.
const store = createAppStore(firstConnection());
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
  // The first case is on screen: what it did not need is fetched while the page is idle.
  .then(warmLazyParts)
  .catch((e: unknown) => store.getState().notify({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
