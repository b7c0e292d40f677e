import { useTranslation as useReactI18next } from 'react-i18next';

type Translate = ReturnType<typeof useReactI18next>['t'];

/** Distinct calls kept per language, at most: past it the cache starts again (counts and names interpolated vary). */
const MAX_KEPT = 4000;

const cacheOf = new WeakMap<Translate, Translate>();

/**
 * react-i18next's hook, whose `t` answers a call it has answered before from a cache. i18next
 * resolves every call anew (it copies its options, finds the key, picks the plural, interpolates),
 * and opening a case makes a few hundred calls, nearly all the same each time: that was a sixth of
 * a case switch's script. The cache belongs to the `t` it wraps; a language change brings a new
 * `t`, so a new cache.
 */
export function useTranslation(): { t: Translate; i18n: ReturnType<typeof useReactI18next>['i18n']; ready: boolean } {
  const { t, i18n, ready } = useReactI18next();
  let fast = cacheOf.get(t);
  if (!fast) {
    fast = remembering(t);
    cacheOf.set(t, fast);
  }
  return { t: fast, i18n, ready };
}

/** `t` with a memory of the calls made with a key and, at most, options of plain values. */
export function remembering(t: Translate): Translate {
  const kept = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const fast = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const id = rest.length === 0 && typeof key === 'string' ? callId(key, options) : null;
    if (id === null) return call(key, options, ...rest);
    const hit = kept.get(id);
    if (hit !== undefined) return hit;
    const value = call(key, options);
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(id, value);
    return value;
  };
  return fast as unknown as Translate;
}

/** One string per distinct call, or null for a call with options that are not plain values (kept out of the cache). */
function callId(key: string, options: unknown): string | null {
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null) return null;
  let id = key;
  for (const name in options) {
    const v = (options as Record<string, unknown>)[name];
    const type = typeof v;
    if (type === 'object' ? v !== null : type === 'function' || type === 'symbol') return null;
    // The type too: i18next picks a plural for the number 1, not for the string '1'.
    id += `\u0000${name}\u0001${type}\u0001${String(v)}`;
  }
  return id;
}
