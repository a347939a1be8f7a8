import {
  accountsDocumentSchema,
  storedAccountSchema,
  storeFileVersions,
  type AccountsDocument,
  type StoredAccount,
} from '../../shared/domain/store';
import { WalletError } from '../../shared/errors';
import { storeLayout } from './layout';
import { accountsMigrations } from './migrations';
import { toInvalidRecord, type StoreContext } from './store-context';
import { readDocument, writeDocument, type DocumentSpec } from './versioned-document';

const accountsSpec: DocumentSpec<AccountsDocument> = {
  file: storeLayout.accounts,
  version: storeFileVersions.accounts,
  schema: accountsDocumentSchema,
  migrations: accountsMigrations,
};

/** The Ledger accounts the person added and the names they gave them. */
export class StoredAccountsService {
  private accounts: StoredAccount[] = [];
  private opened = false;

  constructor(private readonly context: StoreContext) {}

  async open(): Promise<void> {
    const read = await readDocument(this.context, accountsSpec);
    switch (read.status) {
      case 'ok':
        this.accounts = read.value.accounts;
        break;
      case 'missing':
        this.accounts = [];
        break;
      case 'setAside':
        // Accounts are found again from the Ledger, so only the names are lost.
        this.accounts = [];
        await writeDocument(this.context, accountsSpec, { accounts: [] });
        break;
    }
    this.opened = true;
  }

  list(): StoredAccount[] {
    this.assertOpen();
    return [...this.accounts];
  }

  /** Adds an account or replaces the one with the same public key. */
  async upsert(account: StoredAccount): Promise<StoredAccount[]> {
    const checked = storedAccountSchema.safeParse(account);
    if (!checked.success) {
      throw toInvalidRecord(accountsSpec.file, checked.error);
    }
    return this.mutate((accounts) => {
      const others = accounts.filter((known) => known.publicKey !== checked.data.publicKey);
      return [...others, checked.data];
    });
  }

  async rename(publicKey: string, name: string): Promise<StoredAccount[]> {
    return this.mutate((accounts) =>
      accounts.map((account) => (account.publicKey === publicKey ? { ...account, name } : account)),
    );
  }

  async remove(publicKey: string): Promise<StoredAccount[]> {
    return this.mutate((accounts) => accounts.filter((account) => account.publicKey !== publicKey));
  }

  /** Applies a change and writes it. Changes run one at a time so none is lost. */
  private async mutate(
    change: (accounts: StoredAccount[]) => StoredAccount[],
  ): Promise<StoredAccount[]> {
    this.assertOpen();
    return this.context.queue.run('document:accounts', async () => {
      const next = change(this.accounts);
      await writeDocument(this.context, accountsSpec, { accounts: next });
      this.accounts = next;
      return [...next];
    });
  }

  private assertOpen(): void {
    if (!this.opened) {
      throw new WalletError('STORE_NOT_OPEN', {});
    }
  }
}
