import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false };

function statePath(folder: string): string {
  return join(folder, 'window-state.json');
}

/** Reads the last window bounds; a missing or damaged file gives the defaults. */
export async function loadWindowState(folder: string): Promise<WindowState> {
  try {
    const parsed = windowStateSchema.safeParse(
      JSON.parse(await readFile(statePath(folder), 'utf8')),
    );
    return parsed.success ? parsed.data : defaultWindowState;
  } catch {
    return defaultWindowState;
  }
}

export async function saveWindowState(folder: string, state: WindowState): Promise<void> {
  const target = statePath(folder);
  const temporary = `${target}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, target);
}
