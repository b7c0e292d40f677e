import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import { ApiError, validateInput } from '../../shared/api/errors.ts';
import { API_METHODS, channelOf } from '../../shared/api/methods.ts';

/** What travels back over IPC: Electron loses an error's class and code, so errors are values. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * The IPC transport of the one API: a handler per method, on its own channel. Each call is
 * checked twice before it reaches the services: the sender must be the workbench window
 * showing the app's own page, and the payload must pass the method's schema.
 */
export function registerIpc(handlers: () => ApiHandlers, isTrustedSender: (sender: WebContents, frameUrl: string | undefined) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcReply> => {
      if (!isTrustedSender(event.sender, event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'IPC call from an untrusted page' } };
      }
      try {
        const input = validateInput(method, payload);
        const result = await (handlers()[method] as (input: unknown) => Promise<unknown>)(input);
        return { ok: true, result: result ?? null };
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e));
        if (!(e instanceof ApiError)) console.error(e);
        return { ok: false, error: error.toJSON() };
      }
    });
  }
}
