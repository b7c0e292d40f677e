import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { remembering } from './use-translation.ts';

async function instance() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: { hello: 'Hello', greet: 'Hi {{name}}', item_one: '{{count}} item', item_other: '{{count}} items', list: 'L {{what}}' } } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

describe('remembering: t with a cache of repeated calls', () => {
  it.each([
    ['a key alone', 'hello', undefined, 'Hello'],
    ['a value interpolated', 'greet', { name: 'Ann' }, 'Hi Ann'],
    ['a plural, one', 'item', { count: 1 }, '1 item'],
    ['a plural, several', 'item', { count: 3 }, '3 items'],
    ['a number and a string are two calls', 'greet', { name: '1' }, 'Hi 1'],
  ])('%s: the same answer as i18next, first and again', async (_, key, options, expected) => {
    const i18n = await instance();
    const t = remembering(i18n.t as never) as unknown as (k: string, o?: object) => string;
    expect(t(key, options)).toBe(expected);
    expect(t(key, options)).toBe(expected);
  });

  it('asks i18next once for a repeated call, and again for each different one', async () => {
    const i18n = await instance();
    const spy = vi.fn(i18n.t.bind(i18n));
    const t = remembering(spy as never) as unknown as (k: string, o?: object) => string;
    for (let i = 0; i < 5; i++) {
      t('hello');
      t('greet', { name: 'Ann' });
    }
    expect(spy).toHaveBeenCalledTimes(2);
    expect(t('greet', { name: 'Bo' })).toBe('Hi Bo');
    expect(t('item', { count: 2 })).toBe('2 items');
    expect(t('item', { count: '2' as unknown as number })).toBe(i18n.t('item', { count: '2' as unknown as number }));
    expect(spy).toHaveBeenCalledTimes(5);
  });

  it('passes a call with options that are not plain values straight through, every time', async () => {
    const i18n = await instance();
    const spy = vi.fn(i18n.t.bind(i18n));
    const t = remembering(spy as never) as unknown as (k: string, o?: object) => string;
    const what = { toString: () => 'x' };
    t('list', { what });
    t('list', { what });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('stays right past its size limit (distinct calls by the thousand)', async () => {
    const i18n = await instance();
    const t = remembering(i18n.t as never) as unknown as (k: string, o?: object) => string;
    for (let i = 0; i < 9000; i++) expect(t('greet', { name: `n${i % 4500}` })).toBe(`Hi n${i % 4500}`);
  });
});
