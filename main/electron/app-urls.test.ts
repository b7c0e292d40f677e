import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilePath, isAppUrl } from './app-urls.ts';

describe('isAppUrl: the app’s own pages, and the dev server in development', () => {
  const dev = { devUrl: 'http://localhost:5173', packaged: false };
  it.each<[string, boolean, typeof dev]>([
    ['casebench://app/index.html', true, dev],
    ['casebench://app/', true, dev],
    ['casebench://app.evil/index.html', false, dev],
    ['casebench://appx/', false, dev],
    ['http://localhost:5173/', true, dev],
    ['http://localhost:5173/src/main.tsx', true, dev],
    // startsWith took these for the dev server.
    ['http://localhost:5173.evil/', false, dev],
    ['http://localhost:51730/', false, dev],
    ['http://localhost:5173@evil.example/', false, dev],
    ['https://localhost:5173/', false, dev],
    // A packaged app has no dev server.
    ['http://localhost:5173/', false, { devUrl: 'http://localhost:5173', packaged: true }],
    ['http://localhost:5173/', false, { devUrl: '', packaged: false }],
    ['not a url', false, dev],
    ['', false, dev],
  ])('%s → %s', (url, expected, host) => {
    expect(isAppUrl(url, host)).toBe(expected);
  });
});

describe('appFilePath: a request to casebench://app/ as a file of the built renderer', () => {
  const root = join('/opt', 'casebench', 'renderer');
  it.each<[string, ReturnType<typeof appFilePath>]>([
    ['casebench://app/', { path: join(root, 'index.html') }],
    ['casebench://app/assets/index-1.js', { path: join(root, 'assets', 'index-1.js') }],
    ['casebench://app/assets/%E6%B5%8B.js', { path: join(root, 'assets', '测.js') }],
    // A malformed escape is an answer, not a throw.
    ['casebench://app/assets/%E0%A4%A', { status: 400 }],
    ['casebench://app/%00', { status: 400 }],
    // The URL parser resolves %2e%2e segments itself: the path stays in the folder.
    ['casebench://app/%2e%2e/%2e%2e/etc/passwd', { path: join(root, 'etc', 'passwd') }],
    ['casebench://app/..%2f..%2fetc%2fpasswd', { status: 403 }],
    ['casebench://other/index.html', { status: 404 }],
  ])('%s', (url, expected) => {
    expect(appFilePath(root + sep, url)).toEqual(expected);
  });
});
