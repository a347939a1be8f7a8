import { describeServing, startChainLabel, stopChainLabel } from '../labels';
import type { ChainView } from '../protocol';
import { parseSolToLamports } from '../sol-amount';
import type { Section, SendControl } from './device-section';
import { button, element, labelled, option, region, statusLine } from './dom';

/** Creates the local chain section: its position, epoch and blockhash controls, and the faucet. */
export function createChainSection(
  send: SendControl,
  showError: (message: string) => void,
): Section {
  const position = statusLine('Chain position');
  const endpoint = element('p', { class: 'endpoint' });
  const advance = button('Advance one epoch', () => send('chain/advance-epochs', { count: 1 }));
  const expire = button('Expire blockhashes', () => send('chain/expire-blockhashes'));
  const serving = statusLine('Local chain state');
  const stop = button(stopChainLabel, () => send('chain/stop-serving'));
  const start = button(startChainLabel, () => send('chain/resume'));
  const accounts = element('datalist', { id: 'device-accounts' });
  const address = element('input', { type: 'text', list: 'device-accounts', spellcheck: 'false' });
  const amount = element('input', { type: 'text', inputmode: 'decimal', value: '10' });
  const fund = button('Fund', () => {
    const lamports = parseSolToLamports(amount.value);
    if (lamports === null || lamports === 0n) {
      showError(`Invalid amount "${amount.value}": type SOL with at most nine decimals, above 0.`);
      return;
    }
    send('chain/fund', { address: address.value.trim(), lamports: lamports.toString() });
  });
  const funding = statusLine('Last funding');
  const controls = element('div', { role: 'group', 'aria-label': 'Chain controls' }, [
    advance,
    expire,
    stop,
    start,
  ]);
  const faucet = element('div', { role: 'group', 'aria-label': 'Faucet' }, [
    labelled('Address to fund', address),
    accounts,
    labelled('Amount in SOL', amount),
    fund,
    funding,
  ]);
  let accountsShown = false;

  const section = region('chain', 'Local chain', [position, serving, endpoint, controls, faucet]);

  return {
    element: section,
    render({ chain, accounts: deviceAccounts }) {
      position.textContent = describeChain(chain);
      endpoint.textContent = chain.kind === 'absent' ? '' : `RPC endpoint: ${chain.url}`;
      const ready = chain.kind === 'ready';
      controls.hidden = chain.kind === 'absent';
      faucet.hidden = chain.kind === 'absent';
      for (const control of [advance, expire, fund]) {
        control.disabled = !ready;
      }
      serving.textContent = chain.kind === 'ready' ? describeServing(chain.serving) : '';
      stop.disabled = !ready || chain.serving !== 'serving';
      start.disabled = !ready || chain.serving === 'serving';
      funding.textContent =
        chain.kind === 'ready' && chain.lastFunding !== null
          ? `Funded ${chain.lastFunding.address}, transaction ${chain.lastFunding.signature}`
          : '';

      if (!accountsShown) {
        accountsShown = true;
        accounts.replaceChildren(
          ...deviceAccounts.map((account) => option(account.address, account.path)),
        );
        address.value = deviceAccounts[1]?.address ?? deviceAccounts[0]?.address ?? '';
      }
    },
  };
}

function describeChain(chain: ChainView): string {
  switch (chain.kind) {
    case 'absent':
      return 'This demo runs without a local chain.';
    case 'loading':
      return 'Reading the chain position…';
    case 'ready':
      return `Epoch ${chain.epoch}, slot ${chain.slotIndex} of ${chain.slotsInEpoch} (absolute slot ${chain.absoluteSlot})`;
    case 'failed':
      return `The chain position could not be read: ${chain.message}`;
  }
}
