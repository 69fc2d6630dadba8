/**
 * The one way a view loads data: `useQuery(key, run)` runs `run(key)` whenever
 * the key changes and keeps only the answer to the latest key — a slow answer
 * to an older selection never overwrites a newer one — with loading and error
 * state a view can show. The key is null while nothing can be asked (DuckDB
 * not ready, no document chosen). Results are held shallowly (big row arrays).
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'

export interface QueryState<T> {
  /** The latest key's answer (null before the first one). */
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  /** The latest key's error message, or null. */
  error: Ref<string | null>
  /** Answers counted so far (a test or a benchmark can wait for the next one). */
  answers: Ref<number>
  /** Asks again with the current key (after the data changed underneath, say). */
  reload(): Promise<void>
}

export function useQuery<K, T>(key: () => K | null, run: (key: K) => Promise<T>): QueryState<T> {
  const data = shallowRef<T | null>(null) as ShallowRef<T | null>
  const loading = ref(false)
  const error = ref<string | null>(null)
  const answers = ref(0)
  let latest = 0

  async function ask(k: K | null): Promise<void> {
    const mine = ++latest
    if (k === null) {
      loading.value = false
      return
    }
    loading.value = true
    try {
      const result = await run(k)
      if (mine !== latest) return
      data.value = result
      error.value = null
    } catch (e) {
      if (mine !== latest) return
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (mine === latest) {
        loading.value = false
        answers.value++
      }
    }
  }

  // Keys are compared by value (JSON), so an equal selection rebuilt as a new object does not ask again.
  watch(() => JSON.stringify(key()), () => { void ask(key()) }, { immediate: true })
  return { data, loading, error, answers, reload: () => ask(key()) }
}
