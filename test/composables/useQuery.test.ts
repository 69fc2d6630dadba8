import { effectScope, nextTick, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { useQuery } from '../../src/composables/useQuery'

/** A promise settled by hand, to play answers back in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((ok, no) => { resolve = ok; reject = no })
  return { promise, resolve, reject }
}

const flush = async () => { for (let i = 0; i < 5; i++) await nextTick() }

describe('useQuery(key, run): latest wins', () => {
  it('keeps the answer to the latest key when an older one answers last', async () => {
    const doc = ref('a')
    const pending: Record<string, ReturnType<typeof deferred<string>>> = {}
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => doc.value, (k) => (pending[k] = deferred<string>()).promise))!
    doc.value = 'b'
    await flush()
    pending.b!.resolve('rows of b')
    await flush()
    pending.a!.resolve('rows of a (slow, stale)')
    await flush()
    expect(q.data.value).toBe('rows of b')
    expect(q.loading.value).toBe(false)
    expect(q.answers.value).toBe(1)
    scope.stop()
  })

  it('shows the latest key’s error, and clears it with the next answer', async () => {
    const key = ref(1)
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => key.value, async (k) => { if (k === 1) throw new Error('Catalog Error: no line_items'); return k * 10 }))!
    await flush()
    expect(q.error.value).toBe('Catalog Error: no line_items')
    key.value = 2
    await flush()
    expect([q.data.value, q.error.value]).toEqual([20, null])
    scope.stop()
  })

  it('ignores a stale error too, and asks nothing while the key is null', async () => {
    const key = ref<string | null>(null)
    const calls: string[] = []
    const pending: Record<string, ReturnType<typeof deferred<string>>> = {}
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => key.value, (k) => { calls.push(k); return (pending[k] = deferred<string>()).promise }))!
    await flush()
    expect(calls).toEqual([])
    key.value = 'x'
    await flush()
    key.value = 'y'
    await flush()
    pending.x!.reject(new Error('stale failure'))
    pending.y!.resolve('y rows')
    await flush()
    expect([q.data.value, q.error.value]).toEqual(['y rows', null])
    expect(calls).toEqual(['x', 'y'])
    scope.stop()
  })

  it('does not ask again for an equal key rebuilt as a new object', async () => {
    const sel = ref({ docs: ['a', 'b'], dimension: 'class3' })
    let calls = 0
    const scope = effectScope()
    scope.run(() => useQuery(() => sel.value, async () => ++calls))
    await flush()
    sel.value = { docs: ['a', 'b'], dimension: 'class3' }
    await flush()
    expect(calls).toBe(1)
    scope.stop()
  })
})
