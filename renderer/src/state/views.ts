import type { View } from './store.ts';

/** The views in the order of the top bar and of their keys (Alt+Shift+1 … 6). */
export const VIEWS: View[] = ['annotate', 'ranking', 'agreement', 'compare', 'compendium', 'lessons'];
