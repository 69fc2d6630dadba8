/**
 * Builds the app once per browser-test run — the hosted build and the single
 * file — instead of once per test file: `startApp` (harness.ts) serves the
 * hosted one in place with `vite preview`, and `buildApp` copies either when a
 * test wants its own folder. The folders are handed to the test files in
 * environment variables and removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, PREBUILT_HOSTED, PREBUILT_SINGLE } from './harness'

export default function setup(): () => void {
  const hosted = mkdtempSync(join(tmpdir(), 'kanzhang-e2e-hosted-'))
  const single = mkdtempSync(join(tmpdir(), 'kanzhang-e2e-single-'))
  buildApp(hosted)
  buildApp(single, {}, ['--mode', 'single'])
  process.env[PREBUILT_HOSTED] = hosted
  process.env[PREBUILT_SINGLE] = single
  return () => {
    rmSync(hosted, { recursive: true, force: true })
    rmSync(single, { recursive: true, force: true })
  }
}
