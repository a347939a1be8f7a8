import { AddressLookupTableAccount } from '@solana/web3.js';
import type { Logger } from 'pino';

import type { ReviewModel } from '../shared/domain/stake';
import type { ChainCheck } from '../shared/contract/ledger';
import { describeChainCheck } from '../shared/text/chain-check-text';
import { describeDeviceReview, describeWarning } from '../shared/text/review-text';
import { TransactionChainCheckService } from '../main/api/ledger/transaction-chain-check';
import { decodeTransactionText } from '../main/api/ledger/transaction-text';
import { decodeTransactionFile } from '../main/api/offline/transaction-file';
import type { ChainService } from '../main/chain';
import { fetchMultipleAccounts } from '../main/chain/rpc/accountReads';
import {
  buildReviewModel,
  parseMessage,
  screensShownInAnyMode,
  type ValidatorFacts,
} from '../main/stake';
import { requiredSignersOf } from '../main/stake/review/account-keys';
import { formatSolAmount } from './text-format';
import { UsageError } from './arguments';

/** Source form of the reviewed transaction. */
export type ReviewInputKind =
  | { kind: 'transaction' | 'message'; encoding: 'base64' | 'base58' }
  | { kind: 'transactionFile'; fileKind: 'unsigned' | 'signed' };

export interface ReviewReport {
  /** The file path, or "-" for standard input. */
  source: string;
  input: ReviewInputKind;
  /** The required signer the device screens are predicted for. */
  signer: string;
  /** Source of the signer choice. */
  signerFrom: 'option' | 'file' | 'onlySigner' | 'feePayer';
  /** Required signers in message order, with whether the input already carries a signature. */
  signatures: { signer: string; signed: boolean }[];
  /** The endpoint and slot that validator facts and lookup tables were read at, if any. */
  chain: { url: string; slot: number } | null;
  /** Simulation, blockhash or nonce, and balance check on the cluster; null without --url. */
  chainCheck: ChainCheck | null;
  review: ReviewModel;
}

export interface ReviewOptions {
  source: string;
  text: string;
  signer: string | undefined;
  appVersion: string;
  chain: { url: string; service: ChainService } | null;
  logger: Logger;
}

interface ReviewInput {
  input: ReviewInputKind;
  message: Uint8Array;
  /** Addresses of the required signers whose signature the input carries. */
  signed: ReadonlySet<string>;
  fileSigner: string | null;
}

/**
 * Builds the review of a transaction, message or transaction file, as the app's Review
 * page does: from the message bytes alone, with the device screens for `appVersion`.
 * With a chain, validator warnings and address lookup tables come from it.
 *
 * @throws WalletError when the text is not a transaction, a message or a valid transaction
 *   file, or when a chain read fails; UsageError when --signer is not a required signer.
 */
export async function readReviewReport(options: ReviewOptions): Promise<ReviewReport> {
  const decoded = decodeInput(options.text);
  const signers = requiredSignersOf(parseMessage(decoded.message));
  const { signer, signerFrom } = chooseSigner(signers, options.signer, decoded.fileSigner);

  let chainFacts: ChainFacts | null = null;
  if (options.chain !== null) {
    chainFacts = await readChainFacts(options.chain.service, decoded.message);
  }

  // The signer is the only address the CLI can treat as the person's own.
  const labels = new Map([[signer, 'signing account']]);
  const context = {
    signer,
    appVersion: options.appVersion,
    labels,
    ...(chainFacts === null
      ? {}
      : {
          validatorLookup: (voteAccount: string) => chainFacts.validators.get(voteAccount),
          resolvedLookupTables: chainFacts.lookupTables,
        }),
  };
  let review = buildReviewModel(decoded.message, context);

  let chainCheck: ChainCheck | null = null;
  if (options.chain !== null) {
    const service = options.chain.service;
    const checker = new TransactionChainCheckService({
      chain: () => Promise.resolve({ cluster: { id: 'custom' }, rpc: service.rpc }),
      logger: options.logger,
    });
    const result = await checker.check({
      message: decoded.message,
      review,
      ownAddresses: [signer],
    });
    chainCheck = result.check;
    // With the signer's balance known, the review can warn about a large share of it.
    review = buildReviewModel(decoded.message, { ...context, balances: result.balances });
  }

  return {
    source: options.source,
    input: decoded.input,
    signer,
    signerFrom,
    signatures: signers.map((address) => ({
      signer: address,
      signed: decoded.signed.has(address),
    })),
    chain:
      options.chain === null || chainFacts === null
        ? null
        : { url: options.chain.url, slot: chainFacts.slot },
    chainCheck,
    review,
  };
}

function decodeInput(text: string): ReviewInput {
  if (text.trimStart().startsWith('{')) {
    const { file, message } = decodeTransactionFile(text);
    return {
      input: { kind: 'transactionFile', fileKind: file.kind },
      message,
      signed: new Set(
        file.signatures.filter((slot) => slot.signature !== null).map((slot) => slot.publicKey),
      ),
      fileSigner: file.signer.address,
    };
  }

  const decoded = decodeTransactionText(text);
  const signers = requiredSignersOf(parseMessage(decoded.message));
  const signed = new Set<string>();
  decoded.signatures.forEach((signature, index) => {
    const address = signers[index];
    if (address !== undefined && signature.some((byte) => byte !== 0)) {
      signed.add(address);
    }
  });
  return {
    input: { kind: decoded.kind, encoding: decoded.encoding },
    message: decoded.message,
    signed,
    fileSigner: null,
  };
}

function chooseSigner(
  signers: readonly string[],
  requested: string | undefined,
  fileSigner: string | null,
): { signer: string; signerFrom: ReviewReport['signerFrom'] } {
  if (requested !== undefined) {
    if (!signers.includes(requested)) {
      throw new UsageError(
        `--signer ${requested} is not a required signer of this transaction. Required signers: ${signers.join(', ')}.`,
      );
    }
    return { signer: requested, signerFrom: 'option' };
  }
  if (fileSigner !== null) {
    return { signer: fileSigner, signerFrom: 'file' };
  }
  const [first] = signers;
  if (first === undefined) {
    // parseMessage rejects a message without signers, so this is not reached.
    throw new UsageError('The transaction has no required signer.');
  }
  return { signer: first, signerFrom: signers.length === 1 ? 'onlySigner' : 'feePayer' };
}

interface ChainFacts {
  slot: number;
  validators: ReadonlyMap<string, ValidatorFacts>;
  lookupTables: ReadonlyMap<string, readonly string[]>;
}

async function readChainFacts(chain: ChainService, message: Uint8Array): Promise<ChainFacts> {
  const list = await chain.validators.listValidators();
  const validators = new Map<string, ValidatorFacts>(
    list.validators.map((view) => [
      view.votePubkey,
      {
        delinquent: view.delinquent,
        commissionPercent: view.commission,
        superminority: view.superminority,
      },
    ]),
  );

  const lookupTables = new Map<string, readonly string[]>();
  const tableAddresses = parseMessage(message).lookupTables.map((lookup) => lookup.table);
  let slot = list.slot;
  if (tableAddresses.length > 0) {
    const batch = await fetchMultipleAccounts(chain.rpc, tableAddresses);
    slot = Math.min(slot, batch.slot);
    for (const [address, account] of batch.accounts) {
      if (account !== null) {
        lookupTables.set(address, decodeLookupTableAddresses(account.data));
      }
    }
  }
  return { slot, validators, lookupTables };
}

function decodeLookupTableAddresses(data: Uint8Array): string[] {
  return AddressLookupTableAccount.deserialize(data).addresses.map((key) => key.toBase58());
}

/** Formats the review as the lines a person reads before confirming on the device. */
export function formatReviewText(report: ReviewReport): string {
  const review = report.review;
  const name = (address: string): string => {
    const entry = [...review.addresses, ...review.mentionedAddresses].find(
      (candidate) => candidate.address === address,
    );
    return entry?.wellKnownName ?? address;
  };

  const lines = [
    `Review of ${report.source === '-' ? 'standard input' : report.source} (${describeInput(report.input)})`,
    `Message: ${review.messageVersion}, ${review.transactionSizeBytes} of ${review.maxTransactionSizeBytes} bytes, hash ${review.messageHash}`,
    `Fee payer: ${review.feePayer}`,
    review.durableNonce === null
      ? `Recent blockhash: ${review.recentBlockhash}`
      : `Durable nonce: account ${review.durableNonce.nonceAccount}, authority ${review.durableNonce.authority}, value ${review.recentBlockhash}`,
    'Required signers:',
    ...report.signatures.map(
      (slot) => `  ${slot.signer}${slot.signed ? ' (signed)' : ' (not signed)'}`,
    ),
    report.chain === null
      ? 'Chain: not read (pass --url to check validators and lookup tables)'
      : `Chain: ${report.chain.url} at slot ${report.chain.slot}`,
    '',
    'Instructions:',
    ...review.instructions.map(
      (instruction) => `  ${instruction.index + 1}. ${instruction.summary}`,
    ),
    '',
    `Fee: ${formatSolAmount(review.fee.totalLamports)}`,
  ];

  if (report.chainCheck !== null) {
    const text = describeChainCheck(report.chainCheck);
    lines.push('', `On the cluster: ${text.title}`, ...text.details.map((line) => `  ${line}`));
  }

  lines.push('', 'Warnings:');
  if (review.warnings.length === 0) {
    lines.push('  none');
  }
  for (const warning of review.warnings) {
    lines.push(`  - ${describeWarning(warning, name)}`);
  }

  lines.push('', `Ledger, signing with ${report.signer} (${describeSignerChoice(report)}):`);
  lines.push(`  ${describeDeviceReview(review.device)}`);
  if (review.device.outcome !== 'refused') {
    // Numbered as the device numbers them with expert mode off; expert-only screens follow.
    const alwaysShown = screensShownInAnyMode(review.device);
    alwaysShown.forEach((screen, index) => {
      lines.push(
        `  Screen ${index + 1} of ${alwaysShown.length}: ${screen.title}: ${screen.value}`,
      );
    });
    for (const screen of review.device.screens.filter((candidate) => candidate.expertOnly)) {
      lines.push(`  With expert mode on, also: ${screen.title}: ${screen.value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeInput(input: ReviewInputKind): string {
  switch (input.kind) {
    case 'transaction':
      return `${input.encoding} transaction`;
    case 'message':
      return `${input.encoding} message`;
    case 'transactionFile':
      return `${input.fileKind} transaction file`;
  }
}

function describeSignerChoice(report: ReviewReport): string {
  switch (report.signerFrom) {
    case 'option':
      return 'from --signer';
    case 'file':
      return 'the signer named in the file';
    case 'onlySigner':
      return 'the only required signer';
    case 'feePayer':
      return 'the fee payer; pass --signer for another required signer';
  }
}
