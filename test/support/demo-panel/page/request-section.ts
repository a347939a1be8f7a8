import type { Screen } from '../../ledger-emulator';
import {
  describeOutcome,
  describeRequestKind,
  blindSigningNotice,
  describeScreenPosition,
  noRequestText,
} from '../labels';
import type { SettledRequest } from '../protocol';
import type { Section, SendControl } from './device-section';
import { button, element, region, statusLine } from './dom';

/** Creates the section of the pending request: its current screen, buttons and list of screens. */
export function createRequestSection(send: SendControl): Section {
  let requestId = 0;
  const summary = statusLine('Request');
  const blindSigning = element('p', { class: 'warning' }, [blindSigningNotice]);
  const screenTitle = element('p', { class: 'screen-title' });
  const screenValue = element('p', { class: 'screen-value' });
  const position = element('p', { class: 'screen-position' });
  const current = element(
    'div',
    { role: 'group', 'aria-label': 'Current screen', class: 'screen' },
    [screenTitle, screenValue, position],
  );
  const previous = button('Previous', () => send('previous', { requestId }));
  const next = button('Next', () => send('next', { requestId }));
  const approve = button('Approve', () => send('approve', { requestId }));
  const reject = button('Reject', () => send('reject', { requestId }));
  const allScreens = element('ol', { 'aria-label': 'All screens', class: 'screens' });
  const lastSettled = element('p', { 'aria-label': 'Last request' });

  const section = region('request', 'Pending request', [
    summary,
    blindSigning,
    current,
    element('div', { role: 'group', 'aria-label': 'Request buttons' }, [
      previous,
      next,
      approve,
      reject,
    ]),
    element('h3', {}, ['All screens']),
    allScreens,
    lastSettled,
  ]);

  return {
    element: section,
    render({ request, device, lastSettled: settled }) {
      lastSettled.textContent = describeSettled(settled);
      const usable = request !== null && device.kind !== 'locked' && device.kind !== 'unplugged';
      for (const control of [previous, next, approve, reject]) {
        control.disabled = !usable;
      }

      if (request === null) {
        requestId = 0;
        summary.textContent = noRequestText;
        blindSigning.hidden = true;
        current.hidden = true;
        allScreens.replaceChildren();
        return;
      }

      requestId = request.id;
      summary.textContent = `${describeRequestKind(request.kind)} #${request.id}`;
      blindSigning.hidden = !request.blindSigning;
      current.hidden = false;
      const shown = request.screens[request.screenIndex];
      screenTitle.textContent = shown?.title ?? '';
      screenValue.textContent = shown === undefined ? '' : screenValueOf(shown);
      position.textContent = describeScreenPosition(request.screenIndex, request.screens.length);
      previous.disabled ||= request.screenIndex === 0;
      next.disabled ||= request.screenIndex === request.screens.length - 1;
      allScreens.replaceChildren(
        ...request.screens.map((screen, index) =>
          screenItem(screen, index === request.screenIndex),
        ),
      );
    },
  };
}

function screenValueOf(screen: Screen): string {
  switch (screen.kind) {
    case 'warning':
    case 'field':
      return screen.value;
    case 'approve':
    case 'reject':
      return '';
  }
}

function screenItem(screen: Screen, isCurrent: boolean): HTMLLIElement {
  const item = element('li', { class: `screen-${screen.kind}` }, [
    element('span', { class: 'screen-title' }, [screen.title]),
    element('span', { class: 'screen-value' }, [screenValueOf(screen)]),
  ]);
  if (isCurrent) {
    item.setAttribute('aria-current', 'step');
  }
  return item;
}

function describeSettled(settled: SettledRequest | null): string {
  if (settled === null) {
    return '';
  }
  return `Last request: ${describeRequestKind(settled.kind)} #${settled.id}, ${describeOutcome(settled.outcome)}`;
}
