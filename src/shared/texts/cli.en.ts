import { textsOf } from '../text';

/**
 * The command line's own refusals (arguments, files it was given). English only: the CLI speaks to
 * installer scripts and support staff, and these never reach the screens.
 */
export const cliEn = {};

export const cli = textsOf('cli', cliEn);
