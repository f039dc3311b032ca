import type { DiagnosticsMessages } from './diagnostics.en';

export const diagnosticsDe: DiagnosticsMessages = {};
