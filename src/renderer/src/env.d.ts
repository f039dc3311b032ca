import type { LicenseManagerBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in the browser host, where http-bridge stands in. */
    licenseManager?: LicenseManagerBridge;
  }
}
