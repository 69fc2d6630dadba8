/**
 * Tabs of the app tell each other when the stored imports change, so that a
 * tab never shows a list its tables do not have: after a save or a removal a
 * tab announces it on a BroadcastChannel, and the others reload their data
 * from IndexedDB. Where BroadcastChannel is missing, nothing is announced and
 * a tab catches up on its next reload (saveImport's `expected` check still
 * keeps one tab from overwriting another's import unseen).
 */

const CHANNEL = 'kanzhang-imports'

export interface TabSync {
  /** Tells the other tabs that the stored imports changed. */
  announce(): void
  close(): void
}

/** Calls `onChange` whenever another tab announces a change. */
export function watchImportChanges(onChange: () => void): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => undefined, close: () => undefined }
  const channel = new BroadcastChannel(CHANNEL)
  // A channel object never receives its own messages: only other tabs' changes arrive here.
  channel.onmessage = (e: MessageEvent) => { if ((e.data as { kind?: string } | null)?.kind === 'imports-changed') onChange() }
  return {
    announce: () => channel.postMessage({ kind: 'imports-changed' }),
    close: () => channel.close(),
  }
}
