import {
  Authorized,
  Keypair,
  Lockup,
  SendTransactionError,
  StakeProgram,
  SystemProgram,
  Transaction,
  type Connection,
  type PublicKey,
  type TransactionInstruction,
} from '@solana/web3.js';

/**
 * Sends stake program transactions signed by local keypairs through a web3.js Connection, so
 * the local chain's runtime, not this project's code, decides what each instruction does.
 */
export class StakeActions {
  constructor(
    private readonly connection: Connection,
    private readonly payer: Keypair,
  ) {}

  /**
   * Creates and initializes a stake account. The withdrawer is `authority` too unless
   * `withdrawer` is given.
   */
  async createStakeAccount(
    authority: PublicKey,
    lamports: bigint,
    options: { withdrawer?: PublicKey; lockup?: { epoch: number; custodian: PublicKey } } = {},
  ): Promise<PublicKey> {
    const { lockup } = options;
    const stakeAccount = Keypair.generate();
    const transaction = StakeProgram.createAccount({
      fromPubkey: this.payer.publicKey,
      stakePubkey: stakeAccount.publicKey,
      authorized: new Authorized(authority, options.withdrawer ?? authority),
      lockup: lockup === undefined ? undefined : new Lockup(0, lockup.epoch, lockup.custodian),
      lamports: Number(lamports),
    });
    await this.send(transaction.instructions, [stakeAccount]);
    return stakeAccount.publicKey;
  }

  async delegate(stakeAccount: PublicKey, authority: Keypair, voter: PublicKey): Promise<void> {
    const transaction = StakeProgram.delegate({
      stakePubkey: stakeAccount,
      authorizedPubkey: authority.publicKey,
      votePubkey: voter,
    });
    await this.send(transaction.instructions, [authority]);
  }

  async deactivate(stakeAccount: PublicKey, authority: Keypair): Promise<void> {
    const transaction = StakeProgram.deactivate({
      stakePubkey: stakeAccount,
      authorizedPubkey: authority.publicKey,
    });
    await this.send(transaction.instructions, [authority]);
  }

  async withdraw(
    stakeAccount: PublicKey,
    authority: Keypair,
    to: PublicKey,
    lamports: bigint,
  ): Promise<void> {
    const transaction = StakeProgram.withdraw({
      stakePubkey: stakeAccount,
      authorizedPubkey: authority.publicKey,
      toPubkey: to,
      lamports: Number(lamports),
    });
    await this.send(transaction.instructions, [authority]);
  }

  async transfer(to: PublicKey, lamports: bigint): Promise<void> {
    await this.send(
      [
        SystemProgram.transfer({
          fromPubkey: this.payer.publicKey,
          toPubkey: to,
          lamports: Number(lamports),
        }),
      ],
      [],
    );
  }

  /**
   * Sends one transaction paid by the payer and waits for its status by polling, because
   * the local chain's JSON-RPC server has no WebSocket for confirmTransaction.
   *
   * @throws Error with the runtime's error when the transaction fails.
   */
  async send(instructions: TransactionInstruction[], signers: Keypair[]): Promise<string> {
    const { blockhash, lastValidBlockHeight } = await this.connection.getLatestBlockhash();
    const transaction = new Transaction({
      feePayer: this.payer.publicKey,
      blockhash,
      lastValidBlockHeight,
    }).add(...instructions);
    // Signed here and sent raw: web3.js sendTransaction would swap in its cached blockhash,
    // which has expired once the test advances the local chain by whole epochs.
    transaction.sign(this.payer, ...signers);
    let signature: string;
    try {
      signature = await this.connection.sendRawTransaction(transaction.serialize());
    } catch (error) {
      const logs = error instanceof SendTransactionError ? (error.logs ?? []) : [];
      throw new Error(`transaction failed: ${String(error)} ${logs.join(' | ')}`, {
        cause: error,
      });
    }

    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { value } = await this.connection.getSignatureStatuses([signature]);
      const status = value[0];
      if (status?.err) {
        throw new Error(`transaction failed: ${JSON.stringify(status.err)}`);
      }
      if (status?.confirmationStatus !== undefined) {
        return signature;
      }
    }
    throw new Error(`transaction ${signature} was not confirmed after 50 status checks`);
  }
}
