/**
 * What a reader would call a broken layout, measured in the page: sideways
 * scroll, text squeezed to one character per line, export buttons off the
 * screen, and (on a phone) controls smaller than a fingertip.
 */
import { join } from 'node:path'
import { ROOT, type Page } from './harness'

/** Screenshots for review (git-ignored: test-results/). */
export const SCREENS = join(ROOT, 'test-results', 'screens')

/** Every view, at a path that shows it with data; `figures`: it has figures that open a citation. */
export const VIEWS = [
  { name: 'overview', path: '#/', figures: true },
  { name: 'compare', path: '#/compare', figures: true },
  { name: 'structure', path: '#/structure', figures: true },
  { name: 'sangong', path: '#/sangong', figures: true },
  { name: 'years', path: '#/years', figures: true },
  { name: 'execution', path: '#/execution', figures: true },
  { name: 'projects', path: '#/projects', figures: true },
  { name: 'workbench', path: '#/workbench', figures: false },
  { name: 'data', path: '#/data', figures: false },
  { name: 'source', path: '#/data/source/changzhi-2026-budget?line=187', figures: false },
  { name: 'import', path: '#/import', figures: false },
  { name: 'review', path: '#/review?doc=changzhi-2026-budget', figures: false },
] as const

/**
 * The problems of the page as it stands, as readable strings (none: []).
 * - the page is wider than the window;
 * - a text of two or more characters wraps into a box narrower than two of
 *   its characters (one character per line); hidden text is skipped;
 * - an export button (chart PNG/SVG, table CSV/XLSX/copy) reaches past the
 *   window's left or right edge;
 * - with `touch`: a visible button, select or text field lower than 40 px.
 */
export function layoutProblems(page: Page, opts: { touch: boolean }): Promise<string[]> {
  return page.evaluate(({ touch }) => {
    const out: string[] = []
    const vw = document.documentElement.clientWidth
    const sw = document.documentElement.scrollWidth
    if (sw > vw) out.push(`page scrolls sideways: scrollWidth ${sw} > ${vw}`)

    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.matches('.visually-hidden, option, script, style, textarea')) return true
        if (e instanceof HTMLDetailsElement && !e.open && el !== e && !e.querySelector(':scope > summary')?.contains(el)) return true
      }
      const r = el?.getBoundingClientRect()
      return !r || r.width === 0 || r.height === 0 || getComputedStyle(el!).visibility === 'hidden'
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, '')
      if ([...text].length < 2 || hidden(n.parentElement)) continue
      const range = document.createRange()
      range.selectNodeContents(n)
      const rects = [...range.getClientRects()].filter((r) => r.width > 0)
      const lines = new Set(rects.map((r) => Math.round(r.top))).size
      if (lines < 2) continue
      const em = parseFloat(getComputedStyle(n.parentElement!).fontSize)
      const width = Math.max(...rects.map((r) => r.width))
      if (width < 2 * em) out.push(`squeezed text (${Math.round(width)} px, ${lines} lines): "${text.slice(0, 30)}"`)
    }

    for (const b of document.querySelectorAll<HTMLElement>('.chart-tools button, .table-tools button')) {
      const r = b.getBoundingClientRect()
      if (r.width === 0) continue
      if (r.left < 0 || r.right > vw) out.push(`export button "${b.textContent?.trim()}" outside the window: ${Math.round(r.left)}–${Math.round(r.right)}`)
    }

    if (touch) {
      for (const c of document.querySelectorAll<HTMLElement>('button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), a.btn')) {
        const r = c.getBoundingClientRect()
        if (r.width === 0 || hidden(c)) continue
        if (r.height < 40) out.push(`small touch target (${Math.round(r.width)}×${Math.round(r.height)}): ${c.tagName.toLowerCase()} "${(c.textContent ?? '').trim().slice(0, 20)}"`)
      }
    }
    return out
  }, opts)
}

/**
 * Chinese left in the interface when it is in English: every visible text
 * (and button/field label) that holds a Han character outside report data.
 * Report data is what an element marked `data-value` holds (names of items,
 * projects, units and publishers, quotes, the source text, SQL) plus the
 * city names, which have no English in the reports; everything else is the
 * interface's own text and must be translated.
 */
export function hanOutsideData(page: Page, cities: readonly string[]): Promise<string[]> {
  return page.evaluate((cities) => {
    const out: string[] = []
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.matches(':not(html)[lang^="zh"], [data-value], option, script, style, textarea, pre, code, .visually-hidden')) return true
        if (e instanceof HTMLDetailsElement && !e.open && !e.querySelector(':scope > summary')?.contains(el)) return true
      }
      const r = el?.getBoundingClientRect()
      return !r || r.width === 0 || r.height === 0
    }
    const han = /[\u3400-\u9fff]/
    const strip = (s: string) => cities.reduce((x, c) => x.split(c).join(''), s)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      if (!han.test(text) || skip(n.parentElement)) continue
      if (han.test(strip(text))) out.push(`${n.parentElement!.tagName.toLowerCase()}: "${text.slice(0, 60)}"`)
    }
    return [...new Set(out)]
  }, cities)
}
