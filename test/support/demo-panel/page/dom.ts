// The page code runs in the browser; the reference gives it DOM types under the Node tsconfig.

type Attributes = Readonly<Record<string, string>>;

/** Creates an element with attributes and children, in one expression. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

export function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', { type: 'button' }, [label]);
  node.addEventListener('click', onClick);
  return node;
}

/** Creates a titled region, so that each part of the panel is a landmark with a name. */
export function region(id: string, title: string, children: ReadonlyArray<Node>): HTMLElement {
  const headingId = `${id}-heading`;
  return element('section', { id, 'aria-labelledby': headingId }, [
    element('h2', { id: headingId }, [title]),
    ...children,
  ]);
}

/** Creates a status line, which screen readers announce politely when its text changes. */
export function statusLine(label: string): HTMLParagraphElement {
  return element('p', { role: 'status', 'aria-label': label });
}

let labelledControls = 0;

/** Wraps a form control in a label so that its accessible name is the label's text. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  labelledControls += 1;
  const id = `control-${labelledControls}`;
  control.id = id;
  return element('label', { for: id }, [text, ' ', control]);
}

export function option(value: string, text = value): HTMLOptionElement {
  return element('option', { value }, [text]);
}
