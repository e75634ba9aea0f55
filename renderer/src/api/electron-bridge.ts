import type { BrokerscopeApi } from '../../../shared/api-contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by web mode. */
    readonly brokerscope?: BrokerscopeApi;
  }
}

export function electronBridge(target: Window): BrokerscopeApi | null {
  return target.brokerscope ?? null;
}
