/** Every area's messages, by area: the shape each translation must fill in full. */
import type { CommonMessages } from './common.en';
import type { ErrorsMessages } from './errors.en';
import type { DiagnosticsMessages } from './diagnostics.en';
import type { ActivationMessages } from './activation.en';
import type { SeatsMessages } from './seats.en';
import type { OfflineMessages } from './offline.en';
import type { LicensespringMessages } from './licensespring.en';
import type { EnirisMessages } from './eniris.en';
import type { HubsMessages } from './hubs.en';

export interface Catalogues {
  readonly common: CommonMessages;
  readonly errors: ErrorsMessages;
  readonly diagnostics: DiagnosticsMessages;
  readonly activation: ActivationMessages;
  readonly seats: SeatsMessages;
  readonly offline: OfflineMessages;
  readonly licensespring: LicensespringMessages;
  readonly eniris: EnirisMessages;
  readonly hubs: HubsMessages;
}
