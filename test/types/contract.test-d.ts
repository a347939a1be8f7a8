import { describe, expectTypeOf, it } from 'vitest';

import type { MethodName, Result, WalletApi } from '../../src/shared/contract';
import type { AppInfo } from '../../src/shared/contract/app';
import { call } from '../../src/renderer/src/bridge/wallet';

describe('window.wallet', () => {
  it('exposes exactly the contract methods and subscribe', () => {
    expectTypeOf<keyof WalletApi>().toEqualTypeOf<MethodName | 'subscribe'>();
    expectTypeOf(window.wallet).toEqualTypeOf<WalletApi>();
  });

  it('has no generic channel access', () => {
    // @ts-expect-error the page has no ipcRenderer
    void window.wallet.ipcRenderer;
    // @ts-expect-error the page has no generic invoke
    void window.wallet.invoke;
    // @ts-expect-error the page has no generic send
    void window.wallet.send;
    // @ts-expect-error the page has no generic on
    void window.wallet.on;
    // @ts-expect-error the page has no process
    void window.wallet.process;
  });

  it('returns results, not bare values', () => {
    expectTypeOf(window.wallet.getAppInfo).returns.resolves.toEqualTypeOf<Result<AppInfo>>();
  });
});

describe('call', () => {
  it('accepts only contract method names', () => {
    // @ts-expect-error not a method of the contract
    void call('deleteEverything', {});
    // @ts-expect-error subscribe is not a request method
    void call('subscribe', {});
  });

  it('checks the input type of each method', () => {
    // @ts-expect-error theme must be one of the known themes
    void call('updateSettings', { theme: 'purple' });
    // @ts-expect-error openExternal needs a url
    void call('openExternal', {});
  });

  it('returns the output type of the method', () => {
    expectTypeOf(call('getAppInfo', {})).resolves.toEqualTypeOf<AppInfo>();
  });
});

describe('subscribe', () => {
  it('accepts only contract event names', () => {
    // @ts-expect-error not an event of the contract
    window.wallet.subscribe('somethingElse', () => undefined);
  });
});
