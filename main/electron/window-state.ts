import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';
import { writeFileDurably } from '../store/atomic-write.ts';

const state = z.object({ x: z.number(), y: z.number(), width: z.number().min(400), height: z.number().min(300), maximized: z.boolean() });
type WindowState = z.infer<typeof state>;

/** Where the window was and how big, remembered between runs (and kept on a visible screen). */
export function loadWindowState(dir: string): Partial<WindowState> {
  try {
    const s = state.parse(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')));
    const visible = screen.getAllDisplays().some((d) => intersects(d.workArea, s));
    return visible ? s : { width: s.width, height: s.height, maximized: s.maximized };
  } catch {
    return { width: 1440, height: 900 };
  }
}

export function trackWindowState(win: BrowserWindow, dir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed()) return;
      const b = win.getNormalBounds();
      void writeFileDurably(join(dir, 'window-state.json'), JSON.stringify({ ...b, maximized: win.isMaximized() }));
    }, 400);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', save);
}

function intersects(a: Rectangle, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
