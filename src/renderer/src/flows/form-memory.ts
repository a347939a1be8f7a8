import { useCallback } from 'react';
import { create } from 'zustand';

interface FormMemoryState {
  /** Field values of the open stake flow dialog, by field key such as "withdraw.recipient". */
  values: Readonly<Record<string, unknown>>;
  remember: (key: string, value: unknown) => void;
  clear: () => void;
}

/**
 * Field values of the stake flow forms. The dialog unmounts its form while main prepares a
 * request and while the draft is under review, so values kept in component state were lost
 * after an error or "Change the request". The dialog clears this store when it closes.
 */
export const useFormMemory = create<FormMemoryState>((set) => ({
  values: {},
  remember: (key, value) => set((state) => ({ values: { ...state.values, [key]: value } })),
  clear: () => set({ values: {} }),
}));

/**
 * Works like useState, but keeps the value in the form memory under `key`, so the field
 * shows what the person entered when the form mounts again.
 */
export function useRememberedState<T>(key: string, initial: T): [T, (value: T) => void] {
  const stored = useFormMemory((state) => (key in state.values ? state.values[key] : initial));
  const remember = useFormMemory((state) => state.remember);
  const update = useCallback((value: T) => remember(key, value), [remember, key]);
  // Each key is written only through this hook with one T, so the stored value is a T.
  return [stored as T, update];
}
