import { ipcContract, isIpcChannel, type IpcChannel, type IpcOutput } from '../../shared/ipc';
import type { z } from 'zod';
import { issuesAsTexts, issueText } from '../../shared/issue-text';
import { fail, ok, type Result } from '../../shared/result';
import { net } from '../../shared/texts/net.en';
import { LicensingError, toAppError } from '../licensing/licensing-error';

export type IpcHandlers = {
  readonly [C in IpcChannel]: (
    input: z.infer<(typeof ipcContract)[C]['input']>,
  ) => Promise<IpcOutput<C>>;
};

/** Why the dispatcher refused a request before any handler ran: the contract's two checks. */
export type ContractRefusal = 'unknown channel' | 'payload breaks the contract';

export interface DispatchOptions {
  /**
   * Told when a request breaks the contract (a channel it does not name, a payload of the wrong
   * shape), and only then: that is what a page probing main sends, so the hosts log it. A
   * handler's own `invalid_input` (a mistyped key, a hub already added, a server's answer) is an
   * ordinary mistake of the person using the app and is not reported.
   */
  readonly onRefused?: (channel: IpcChannel | 'unknown', reason: ContractRefusal) => void;
}

/**
 * The one entry point for every host (Electron IPC, the browser host). The host has already
 * checked who is calling; here the payload is parsed against the contract, the handler runs, and
 * the answer is parsed against the output schema too, which strips any field the contract does
 * not name: a secret added to a view by mistake never reaches the renderer. The options come with
 * each call, because only the host knows who sent it (the core builds one dispatcher for all).
 */
export function createDispatcher(handlers: IpcHandlers) {
  return async (
    channel: unknown,
    payload: unknown,
    options: DispatchOptions = {},
  ): Promise<Result<unknown>> => {
    if (!isIpcChannel(channel)) {
      options.onRefused?.('unknown', 'unknown channel');
      return fail(new LicensingError('invalid_input', net.unknownRequest()).toAppError());
    }
    const contract = ipcContract[channel];
    const input = contract.input.safeParse(payload ?? {}, issuesAsTexts);
    if (!input.success) {
      options.onRefused?.(channel, 'payload breaks the contract');
      const issue = input.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const said = net.requestField({ field, problem: issue ? issueText(issue) : 'invalid' });
      return fail(new LicensingError('invalid_input', said).toAppError());
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
