/**
 * A list of line (or page) numbers as a reader takes it in: consecutive ones
 * joined into a range. A failed 下级科目之和 check lists every line it added up
 * (321、322、323 … 350), which reads better as 321–326、328、330–350.
 */
export function numberRuns(numbers: readonly number[], separator = '、'): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const runs: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    // Two in a row stay two numbers ("4、5"); three or more become a range.
    if (j - i >= 2) runs.push(`${sorted[i]}–${sorted[j]}`)
    else for (let k = i; k <= j; k++) runs.push(String(sorted[k]))
    i = j + 1
  }
  return runs.join(separator)
}
