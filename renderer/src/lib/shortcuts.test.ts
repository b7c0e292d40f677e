import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { VIEWS } from '../state/views.ts';
import { shortcutSheet } from './shortcuts.ts';

const sheet = shortcutSheet('Ctrl', ['1', '2', '3', '4', '5', '6'], VIEWS);
const rows = sheet.flatMap(([, r]) => r);
const find = (keys: string) => rows.filter((r) => r.keys === keys).map((r) => r.view ?? r.what);

describe('the shortcuts sheet', () => {
  // Every key App.tsx and the reader handle, and what the sheet must say it does.
  it.each([
    ['Alt+↓', ['nextCase']],
    ['Alt+↑', ['previousCase']],
    ['Alt+1', ['focusList']],
    ['Alt+2', ['focusText']],
    ['L', ['jumpLessons']],
    ['R', ['jumpResults']],
    ['B', ['jumpBackground']],
    ['P', ['jumpPractices']],
    [']', ['nextSection']],
    ['[', ['previousSection']],
    ['Alt+Shift+1', ['annotate']],
    ['Alt+Shift+6', ['lessons']],
    ['Shift+← → ↑ ↓', ['select']],
    ['Ctrl+Shift+← →', ['selectClause']],
    ['1 2 3 4 5 6', ['applyLabel']],
    ['Enter', ['palette', 'editSpan']],
    ['J', ['nextSpan']],
    ['K', ['previousSpan']],
    ['Delete / Backspace', ['deleteSpan']],
    ['Ctrl+Enter', ['status']],
    ['N', ['nextSuggestion']],
    ['Shift+N', ['previousSuggestion']],
    ['A', ['acceptSuggestion']],
    ['X', ['rejectSuggestion']],
    ['Shift+A', ['acceptSection']],
    ['S', ['toggleSuggestions']],
    ['Ctrl+Z', ['undo']],
    ['Ctrl+Shift+Z / Ctrl+Y', ['redo']],
    ['Ctrl+F / /', ['search']],
    ['?', ['shortcuts']],
  ])('%s', (keys, what) => {
    expect(find(keys)).toEqual(what);
  });

  it('lists each view switch once, in the order of the views', () => {
    expect(rows.filter((r) => r.what === 'view').map((r) => r.keys)).toEqual(VIEWS.map((_, i) => `Alt+Shift+${i + 1}`));
  });

  it('describes every line in both languages', () => {
    const missing = rows.filter((r) => !(r.what in zhCN.shortcuts.keys) || !(r.what in en.shortcuts.keys)).map((r) => r.what);
    expect(missing).toEqual([]);
  });

  it('has no line twice', () => {
    const lines = rows.map((r) => `${r.keys}|${r.what}|${r.view ?? ''}`);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
