/**
 * The import service with fakes of what it is handed (storage, database):
 * all or nothing, rollback when a save fails half-way, no overwrite of a
 * record the person was not shown, and sync reloading only on a real change.
 */
import { describe, expect, it } from 'vitest'
import { createImportService, versionOf, type ImportDatabase, type ImportStorage, type LoadedImport } from '../../src/import/service'
import { SaveImportError, type StoredImport } from '../../src/import/store-idb'
import type { PreparedImport } from '../../src/import/types'

function doc(docId: string): PreparedImport {
  return {
    document: { doc_id: docId, city: '晋中', county_of: '', publisher: '', scope: '', year: '2024', stage: '预算', unit: '元', source: `${docId}.csv`, title: '' },
    files: { line_items: `doc_id\n${docId}\n` }, kind: 'csv', fileName: `${docId}.csv`, originalDocId: docId, counts: {} as PreparedImport['counts'], sample: [],
  } as unknown as PreparedImport
}

/** IndexedDB stand-in: records in a Map, a clock for importedAt, and a switch to fail the n-th save. */
function fakeStorage(initial: string[] = []) {
  const records = new Map<string, StoredImport>()
  let clock = 0
  const stamp = () => `2026-11-27T00:00:${String(clock++).padStart(2, '0')}Z`
  for (const id of initial) records.set(id, { docId: id, format: 1, kind: 'csv', fileName: `${id}.csv`, importedAt: stamp(), document: doc(id).document, files: doc(id).files })
  let saves = 0
  const storage: ImportStorage & { records: Map<string, StoredImport>; failSave: number | null; failRemove: boolean } = {
    records, failSave: null, failRemove: false,
    loadAll: async () => [...records.values()],
    async save(d, { expected }) {
      saves++
      if (storage.failSave === saves) throw new Error('QuotaExceededError')
      const id = d.document.doc_id
      if ((records.get(id)?.importedAt ?? null) !== expected) throw new SaveImportError('changed', { zh: '另一个标签页刚刚导入了', en: 'another tab has just imported' })
      const r: StoredImport = { docId: id, format: 1, kind: d.kind, fileName: d.fileName, importedAt: stamp(), document: d.document, files: d.files }
      records.set(id, r)
      return r
    },
    async remove(id) {
      if (storage.failRemove) throw new Error('IndexedDB unavailable')
      records.delete(id)
    },
    summaries: async (ids) => Object.fromEntries(ids.map((id) => [id, records.get(id) ?? null])),
  }
  return storage
}

/** DuckDB stand-in: what is loaded, every load, and a switch to refuse loads holding a doc_id. */
function fakeDatabase() {
  const db: ImportDatabase & { loaded: string[]; loads: string[][]; refuse: string | null } = {
    loaded: [], loads: [], refuse: null,
    async load(imports: readonly LoadedImport[]) {
      const ids = imports.map((i) => i.docId).sort()
      if (db.refuse && ids.includes(db.refuse)) throw new Error(`cannot load ${db.refuse}`)
      db.loads.push(ids)
      db.loaded = ids
    },
  }
  return db
}

describe('createImportService(storage, database)', () => {
  it('loads then saves every document of an import', async () => {
    const storage = fakeStorage(['old'])
    const db = fakeDatabase()
    const service = createImportService(storage, db)
    expect(await service.confirm([doc('a'), doc('b')], { a: null, b: null })).toEqual({ ok: true, docIds: ['a', 'b'] })
    expect(db.loaded).toEqual(['a', 'b', 'old'])
    expect([...storage.records.keys()].sort()).toEqual(['a', 'b', 'old'])
  })

  it('rolls back when the second save fails: the first is removed again and the previous data reloaded', async () => {
    const storage = fakeStorage(['old'])
    storage.failSave = 2
    const db = fakeDatabase()
    const service = createImportService(storage, db)
    const outcome = await service.confirm([doc('a'), doc('b')], { a: null, b: null })
    expect(outcome).toMatchObject({ ok: false, reason: 'save', message: { en: 'QuotaExceededError' } })
    expect([...storage.records.keys()]).toEqual(['old'])
    expect(db.loads).toEqual([['a', 'b', 'old'], ['old']])
    expect(db.loaded).toEqual(['old'])
  })

  it('keeps a replaced import’s old record when its replacement fails to save', async () => {
    const storage = fakeStorage(['a'])
    const shown = storage.records.get('a')!.importedAt
    storage.failSave = 1
    const db = fakeDatabase()
    const outcome = await createImportService(storage, db).confirm([doc('a')], { a: { ...storage.records.get('a')!, importedAt: shown } })
    expect(outcome).toMatchObject({ ok: false, reason: 'save' })
    expect(storage.records.get('a')!.importedAt).toBe(shown)
    expect(db.loaded).toEqual(['a'])
  })

  it('saves nothing when the merged data does not load', async () => {
    const storage = fakeStorage(['old'])
    const db = fakeDatabase()
    db.refuse = 'bad'
    const outcome = await createImportService(storage, db).confirm([doc('bad')], { bad: null })
    expect(outcome).toMatchObject({ ok: false, reason: 'load', message: { en: 'cannot load bad' } })
    expect([...storage.records.keys()]).toEqual(['old'])
    expect(db.loads).toEqual([])
  })

  it('does not overwrite an import another tab saved after the person’s preview (they saw none)', async () => {
    const storage = fakeStorage()
    const db = fakeDatabase()
    const tabA = createImportService(storage, db)
    const tabB = createImportService(storage, fakeDatabase())
    expect((await tabA.confirm([doc('same')], { same: null })).ok).toBe(true)
    const theirs = storage.records.get('same')!.importedAt
    expect(await tabB.confirm([doc('same')], { same: null })).toMatchObject({ ok: false, reason: 'changed' })
    expect(storage.records.get('same')!.importedAt).toBe(theirs)
  })

  it('removes from the views and from storage, or from neither', async () => {
    const storage = fakeStorage(['a', 'b'])
    const db = fakeDatabase()
    const service = createImportService(storage, db)
    expect(await service.remove('a')).toEqual({ ok: true, docIds: ['a'] })
    expect(db.loaded).toEqual(['b'])
    storage.failRemove = true
    expect(await service.remove('b')).toMatchObject({ ok: false, reason: 'save' })
    expect(storage.records.has('b')).toBe(true)
    expect(db.loaded).toEqual(['b'])
  })

  it('syncs only when storage holds something else than what is loaded', async () => {
    const storage = fakeStorage(['a'])
    const db = fakeDatabase()
    const service = createImportService(storage, db)
    await service.restored(['a'])
    expect(await service.sync()).toBe(false)
    storage.records.delete('a')
    expect(await service.sync()).toBe(true)
    expect(db.loaded).toEqual([])
    expect(versionOf([{ docId: 'x', importedAt: '1' }, { docId: 'a', importedAt: '2' }])).toBe('a@2\nx@1')
  })
})
