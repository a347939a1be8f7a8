import type { WalletApi } from '../shared/contract';

declare global {
  interface Window {
    readonly wallet: WalletApi;
  }
}

export {};
