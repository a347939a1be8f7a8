import { create } from 'zustand';

import { WalletError, errorText, isErrorCode, type ErrorCode } from '../../../shared/errors';

export interface ShownError {
  id: number;
  code: ErrorCode;
  title: string;
  nextStep: string;
  /** The main process's own message, when it adds detail beyond the title. */
  detail?: string;
}

interface ErrorState {
  errors: ShownError[];
  show: (error: unknown) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Turns anything thrown into the code, readable text and next step the page shows. */
export function describeError(error: unknown): Omit<ShownError, 'id'> {
  if (error instanceof WalletError && isErrorCode(error.code)) {
    const text = errorText[error.code];
    const detail = error.message !== text.title ? error.message : undefined;
    return { code: error.code, ...text, ...(detail !== undefined ? { detail } : {}) };
  }
  return { code: 'INTERNAL', ...errorText.INTERNAL };
}

export const useErrors = create<ErrorState>((set) => ({
  errors: [],
  show: (error) =>
    set((state) => {
      const shown = describeError(error);
      // The same problem reported by several calls at once is shown once.
      const others = state.errors.filter(
        (item) => item.code !== shown.code || item.detail !== shown.detail,
      );
      return { errors: [...others.slice(-4), { id: nextId++, ...shown }] };
    }),
  dismiss: (id) => set((state) => ({ errors: state.errors.filter((item) => item.id !== id) })),
}));
