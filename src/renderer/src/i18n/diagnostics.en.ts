import { messagesOf } from './messages';

/** The diagnostics area's words in English: the source every translation is checked against. */
export const diagnosticsEn = {};

export type DiagnosticsMessages = typeof diagnosticsEn;

/** The diagnostics area's words in the active language. */
export const tDiagnostics = (): DiagnosticsMessages => messagesOf('diagnostics', diagnosticsEn);
