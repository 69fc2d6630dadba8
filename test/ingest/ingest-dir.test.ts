/** npm run ingest's reader of data/raw: *.txt and *.pdf side by side (the PDF from ../shared/corpus, copied to a temp folder). */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestDir, reportFiles } from '../../scripts/ingest-lib'
import { corpusFile } from './corpus'

const dir = mkdtempSync(join(tmpdir(), 'kanzhang-raw-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ingestDir(dir)', () => {
  it('reads PDFs beside text files, in name order, and names an unreadable PDF', async () => {
    copyFileSync('data/raw/gaoping-2026-budget.txt', join(dir, 'gaoping-2026-budget.txt'))
    copyFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-unit.pdf'), join(dir, 'shangwuwei-2025-unit.pdf'))
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj <<>> endobj\n')
    writeFileSync(join(dir, 'notes.md'), 'not a report')
    expect(reportFiles(dir)).toEqual(['broken.pdf', 'gaoping-2026-budget.txt', 'shangwuwei-2025-unit.pdf'])

    const log: string[] = []
    const { dataset, errors } = await ingestDir(dir, (l) => log.push(l))
    expect(dataset.documents.map((d) => [d.doc_id, d.publisher, d.unit])).toEqual([
      ['broken', '', ''],
      ['gaoping-2026-budget', '高平市就业和人才服务中心', '万元'],
      ['shangwuwei-2025-unit', '上海市普陀区商务委员会', '元'],
    ])
    const total = dataset.line_items.find((i) => i.doc_id === 'shangwuwei-2025-unit' && i.table_code === 'B03' && i.row_label === '合计' && i.measure === '项目支出')
    expect(total?.value).toBe('351684000.00')
    expect(log.some((l) => l.startsWith('  error broken.pdf:0 [file] PDF 文件损坏或不完整'))).toBe(true)
    expect(errors).toBe(8)
  }, 60_000)
})
