import { ipcContract, isIpcChannel, type IpcChannel, type IpcOutput } from '../../shared/ipc';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';
import { toAppError } from '../licensing/licensing-error';

export type IpcHandlers = {
  readonly [C in IpcChannel]: (
    input: z.infer<(typeof ipcContract)[C]['input']>,
  ) => Promise<IpcOutput<C>>;
};

/**
 * The one entry point for every host (Electron IPC, the browser host). The host has already
 * checked who is calling; here the payload is parsed against the contract, the handler runs, and
 * the answer is parsed against the output schema too, which strips any field the contract does
 * not name: a secret added to a view by mistake never reaches the renderer.
 */
export function createDispatcher(handlers: IpcHandlers) {
  return async (channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isIpcChannel(channel)) {
      return fail({ code: 'invalid_input', message: 'Unknown request.', retryable: false });
    }
    const contract = ipcContract[channel];
    const input = contract.input.safeParse(payload ?? {});
    if (!input.success) {
      const issue = input.error.issues[0];
      const field = issue?.path.join('.') || 'request';
      return fail({
        code: 'invalid_input',
        message: `${field}: ${issue?.message ?? 'invalid'}`,
        retryable: false,
      });
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return ok(contract.output.parse(await handler(input.data)));
    } catch (error) {
      return fail(toAppError(error));
    }
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
