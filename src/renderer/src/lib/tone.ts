/** The colour families a state can take; every pill, callout and badge uses one of these. */
export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';
