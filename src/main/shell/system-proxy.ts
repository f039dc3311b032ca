import type { Session } from 'electron';
import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import { parsePacAnswer } from '../net/pac-answer';
import type { ProxyResolver } from '../net/proxy-route';

/**
 * The Electron app's proxy: Chromium's own resolver, which follows this computer's proxy settings
 * (manual, PAC file, WPAD, and on Linux the desktop's settings or the *_PROXY variables). Only the
 * decision comes from Chromium; requests still go through the core's HTTP client (over Chromium's
 * stack only for a proxy that asks for Windows sign-in), so deadlines, size limits, error words and
 * the connection test stay the same in every host. The
 * answer is read by `parsePacAnswer`, which is Electron-free and tested.
 */
export function systemProxyResolver(session: Pick<Session, 'resolveProxy'>): ProxyResolver {
  return async (url) => {
    let answer: string;
    try {
      answer = await session.resolveProxy(url.href);
    } catch (cause) {
      throw new LicensingError('config', net.systemProxyFailed(), { cause });
    }
    return parsePacAnswer(answer);
  };
}
