/**
 * The layer rules of eslint.config.js, shown to fail: a wrong import in each
 * layer is an error, a right one is not (ARCHITECTURE.md, "Layers").
 */
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
let eslint: ESLint
beforeAll(() => { eslint = new ESLint({ cwd: ROOT }) })

/** The messages of no-restricted-imports for `code` linted as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const cases: Array<{ layer: string; path: string; wrong: string; right: string }> = [
  { layer: 'ingest', path: 'src/ingest/probe.ts', wrong: "import { getDb } from '../db/client'", right: "import { toYuan } from './decimal'" },
  { layer: 'ingest (nested)', path: 'src/ingest/tables/probe.ts', wrong: "import { t } from '../../i18n'", right: "import type { LineItemRow } from '../types'" },
  { layer: 'import', path: 'src/import/probe.ts', wrong: "import { getDb } from '../db/client'", right: "import { parseReport } from '../ingest'" },
  { layer: 'db', path: 'src/db/probe.ts', wrong: "import { loadAllImports } from '../import/store-idb'", right: "import { mergeCsvFiles } from '../ingest/csv'" },
  { layer: 'db (nested)', path: 'src/db/queries/probe.ts', wrong: "import type { Citation } from '../../publish/citation'", right: "import { ident } from '../sql'" },
  { layer: 'charts', path: 'src/charts/probe.ts', wrong: "import { useDbStore } from '../stores/db'", right: "import { OKABE_ITO } from '../publish/palette'" },
  { layer: 'publish', path: 'src/publish/probe.ts', wrong: "import { downloadText } from '../dom/download'", right: "import type { CitableRow } from '../db/queries/rows-on-line'" },
  { layer: 'review', path: 'src/review/rules/probe.ts', wrong: "import { getDb } from '../../db/client'", right: "import { cmp } from '../../ingest/decimal'" },
  { layer: 'platform', path: 'src/platform/probe.ts', wrong: "import { t } from '../i18n'", right: "import { fileText } from './files-hosted'" },
  { layer: 'stores', path: 'src/stores/probe.ts', wrong: "import { openCitation } from '../composables/provenance'", right: "import { getDb } from '../db/client'" },
  { layer: 'composables', path: 'src/composables/probe.ts', wrong: "import FigureLink from '../components/FigureLink.vue'", right: "import { useDbStore } from '../stores/db'" },
  { layer: 'dom', path: 'src/dom/probe.ts', wrong: "import { useDbStore } from '../stores/db'", right: "import { guardFormula } from '../publish/table-export'" },
]

describe('layer rules (no-restricted-imports per folder)', () => {
  for (const c of cases) {
    it(`refuses a wrong import in ${c.layer} and accepts a right one`, async () => {
      const errors = await layerErrors(c.path, `${c.wrong}\nexport const x = 1\n`)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/may not import from/)
      expect(await layerErrors(c.path, `${c.right}\nexport const x = 1\n`)).toEqual([])
    })
  }

  for (const folder of ['ingest', 'import', 'db', 'charts', 'publish', 'review', 'platform', 'dom']) {
    it(`keeps src/${folder} free of Vue`, async () => {
      expect(await layerErrors(`src/${folder}/probe.ts`, "import { ref } from 'vue'\nexport const x = ref(1)\n")).toEqual([expect.stringContaining('framework-free')])
    })
  }
})
