import { fail, type Result } from '../../shared/result';
import { net } from '../../shared/texts/net.en';
import { LicensingError } from '../licensing/licensing-error';
import { isTrustedUrl } from '../security/trusted-origin';
import type { Dispatcher } from './dispatch';
import { channelLabel, loggingContractRefusals, senderLabel, type RefusalLog } from './refusal-log';

/** Who sent an IPC message, as Electron tells it: the frame's URL, and whether it is the top frame. */
export interface IpcSender {
  /** undefined when the frame is gone (navigated away or destroyed) before the message arrived. */
  readonly url: string | undefined;
  readonly isMainFrame: boolean;
}

export type IpcGate = (
  sender: IpcSender,
  channel: unknown,
  payload: unknown,
) => Promise<Result<unknown>>;

/**
 * The whole IPC policy, without Electron (so it is tested under Node): the sender must be our main
 * frame on a trusted origin, then the dispatcher parses the payload against the contract. Every
 * refusal of either check (a foreign sender, an unknown channel, a payload of the wrong shape) is
 * answered with a coded error Result and written to the log, so an attack through a compromised
 * renderer leaves a trace. A handler's own `invalid_input` (a mistyped key, a server's answer) is
 * not a refusal of the gate and is not logged. The log names only a contract channel (or
 * `unknown`), the sender's origin and the category of the reason: nothing from the payload.
 */
export function createIpcGate(options: {
  readonly dispatch: Dispatcher;
  readonly trustedOrigins: readonly string[];
  readonly log: RefusalLog;
}): IpcGate {
  const { dispatch, trustedOrigins, log } = options;
  return async (sender, channel, payload) => {
    if (!sender.isMainFrame || !isTrustedUrl(sender.url, trustedOrigins)) {
      log.refused({
        code: 'unauthorized',
        channel: channelLabel(channel),
        sender: senderLabel(sender.url),
        reason: sender.isMainFrame ? 'untrusted origin' : 'not the main frame',
      });
      return fail(new LicensingError('unauthorized', net.notFromTheApp()).toAppError());
    }
    return dispatch(channel, payload, loggingContractRefusals(log, senderLabel(sender.url)));
  };
}
