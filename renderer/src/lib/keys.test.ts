import { describe, expect, it } from 'vitest';
import { ownsArrowKeys, type KeyTarget } from './keys.ts';

/** A stand-in element: its tag, whether it is editable, and the roles of it and its ancestors. */
const el = (tagName: string, roles: string[] = [], isContentEditable = false): KeyTarget => ({
  tagName,
  isContentEditable,
  closest: (selector: string) => roles.some((r) => selector.includes(`[role="${r}"]`)) || null,
});

describe('ownsArrowKeys (Alt+↑/↓ changes case only outside form controls)', () => {
  it.each([
    ['a <select> (dropdown)', el('SELECT'), true],
    ['a text field', el('INPUT'), true],
    ['a textarea', el('TEXTAREA'), true],
    ['lower-case tag names too', el('select'), true],
    ['an editable element', el('DIV', [], true), true],
    ['a custom listbox', el('DIV', ['listbox']), true],
    ['an option inside a listbox', el('LI', ['listbox']), true],
    ['a combobox', el('DIV', ['combobox']), true],
    ['a slider', el('DIV', ['slider']), true],
    ['the reader', el('ARTICLE', ['document']), false],
    ['a button', el('BUTTON'), false],
    ['the page body', el('BODY'), false],
    ['a tab', el('BUTTON', ['tab']), false],
    ['nothing focused', null, false],
  ])('%s → %s', (_name, target, owns) => {
    expect(ownsArrowKeys(target)).toBe(owns);
  });
});
