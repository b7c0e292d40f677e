import { join, normalize } from 'node:path';

export const APP_SCHEME = 'casebench';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Where the window's page may come from: the app's own origin, or — unpackaged — the dev server's. */
export interface PageOrigins {
  /** The dev server's URL (ELECTRON_RENDERER_URL), if any. */
  devUrl: string | undefined;
  packaged: boolean;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // A custom scheme's origin is "null"; its scheme and host say where it is from.
    return parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page of the app: compared by origin, so "http://localhost:5173.evil" or
 * "casebench://app.evil" is not the dev server or the app (a prefix test took them for it).
 */
export function isAppUrl(url: string, origins: PageOrigins): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  return !origins.packaged && origin === originOf(origins.devUrl);
}

/**
 * The file of the built renderer (`root`, ending in a separator) a casebench://app/ request
 * asks for, or the status to answer with: 404 for another host, 400 for a path that cannot be
 * decoded (a malformed escape, a NUL), 403 for one that leaves the folder.
 */
export function appFilePath(root: string, requestUrl: string): { path: string } | { status: 400 | 403 | 404 } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.host !== 'app') return { status: 404 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  const path = normalize(join(root, decoded));
  return path.startsWith(root) ? { path } : { status: 403 };
}
