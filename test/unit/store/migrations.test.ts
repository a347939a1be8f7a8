import { describe, expect, it } from 'vitest';

import { accountsMigrations, settingsMigrations } from '../../../src/main/store/migrations';
import { decodeDocument } from '../../../src/main/store/versioned-document';
import {
  accountsDocumentSchema,
  defaultStoredSettings,
  storedSettingsSchema,
} from '../../../src/shared/domain/store';

const accountsSpec = {
  file: 'accounts.json',
  version: 2,
  schema: accountsDocumentSchema,
  migrations: accountsMigrations,
};
const settingsSpec = {
  file: 'settings.json',
  version: 2,
  schema: storedSettingsSchema,
  migrations: settingsMigrations,
};

const key = '7nYabs9dUhvxYwdTnrWVBL9MYviKSfrEbdWCUbcnwkpF';

describe('accounts migration from version 1', () => {
  it('renames fields and drops the m/ prefix', () => {
    const version1 = {
      schemaVersion: 1,
      accounts: [
        { address: key, path: "m/44'/501'/0'/0'", label: '  Savings ' },
        { address: 'GvZEwtCHZ7YtCkQCaLRVEXsyVTqkVGnqcCzBeTKCvL8s', path: "44'/501'/1'" },
      ],
    };
    const result = decodeDocument(JSON.stringify(version1), accountsSpec);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      value: {
        accounts: [
          { publicKey: key, derivationPath: "44'/501'/0'/0'", name: 'Savings' },
          {
            publicKey: 'GvZEwtCHZ7YtCkQCaLRVEXsyVTqkVGnqcCzBeTKCvL8s',
            derivationPath: "44'/501'/1'",
            name: '',
          },
        ],
      },
    });
  });

  it('rejects a version 1 file with a bad public key', () => {
    const version1 = { schemaVersion: 1, accounts: [{ address: 'not-a-key', path: "44'/501'" }] };
    const result = decodeDocument(JSON.stringify(version1), accountsSpec);
    expect(result.ok).toBe(false);
  });
});

describe('settings migration from version 1', () => {
  it('puts the old endpoint first in its cluster', () => {
    const version1 = {
      schemaVersion: 1,
      cluster: 'devnet',
      rpcUrl: 'https://rpc.example.org',
      darkMode: true,
    };
    const result = decodeDocument(JSON.stringify(version1), settingsSpec);
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.migratedFrom).toBe(1);
    expect(result.value.cluster).toBe('devnet');
    expect(result.value.theme).toBe('dark');
    expect(result.value.endpoints.devnet).toEqual([
      'https://rpc.example.org',
      ...defaultStoredSettings.endpoints.devnet,
    ]);
    expect(result.value.endpoints['mainnet-beta']).toEqual(
      defaultStoredSettings.endpoints['mainnet-beta'],
    );
    expect(result.value.commitment).toBe('confirmed');
  });

  it('maps a null dark mode to the system theme', () => {
    const version1 = {
      schemaVersion: 1,
      cluster: 'mainnet-beta',
      rpcUrl: 'https://api.mainnet-beta.solana.com',
      darkMode: null,
    };
    const result = decodeDocument(JSON.stringify(version1), settingsSpec);
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.value.theme).toBe('system');
    expect(result.value.endpoints['mainnet-beta']).toEqual(['https://api.mainnet-beta.solana.com']);
  });
});

describe('decodeDocument', () => {
  it('reads the current version without migrating', () => {
    const text = JSON.stringify({ schemaVersion: 2, data: defaultStoredSettings });
    expect(decodeDocument(text, settingsSpec)).toEqual({
      ok: true,
      value: defaultStoredSettings,
      migratedFrom: null,
    });
  });

  it('rejects a newer version', () => {
    const text = JSON.stringify({ schemaVersion: 3, data: defaultStoredSettings });
    expect(decodeDocument(text, settingsSpec)).toMatchObject({
      ok: false,
      reason: 'unsupportedVersion',
    });
  });

  it('rejects a missing version', () => {
    expect(decodeDocument(JSON.stringify({ data: {} }), settingsSpec)).toMatchObject({
      ok: false,
      reason: 'invalidSchema',
    });
  });

  it('rejects text that is not JSON', () => {
    expect(decodeDocument('{"schemaVersion": 2, "da', settingsSpec)).toMatchObject({
      ok: false,
      reason: 'invalidJson',
    });
  });

  it('rejects unknown fields', () => {
    const text = JSON.stringify({
      schemaVersion: 2,
      data: { ...defaultStoredSettings, secretKey: 'abc' },
    });
    expect(decodeDocument(text, settingsSpec)).toMatchObject({
      ok: false,
      reason: 'invalidSchema',
    });
  });
});
