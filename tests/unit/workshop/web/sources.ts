import type { Sources } from '../../../../workshop/web/module-loader'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../../../scripts/paths'
import { exerciseModules } from '../../../../workshop/web/exercise-modules'

// The files the deck's check worker bundles (workshop/web/check-worker.ts), read from disk for Node.

export function checkSources(): Sources {
  const sources: Sources = {}
  const add = (path: string): void => {
    if (existsSync(join(ROOT, path)))
      sources[path] = readFileSync(join(ROOT, path), 'utf8')
  }
  for (const id of readdirSync(join(ROOT, 'exercises'))) {
    add(`exercises/${id}/check.test.ts`)
    add(`exercises/${id}/given.ts`)
  }
  add('exercises/check-helpers.ts')
  add('tests/fixtures/torch-reference.json')
  return sources
}

/** The exercise's own modules as the worker loads them (ONNX Runtime for the web), its WebAssembly read from node_modules. */
export function modulesFor(id: string): Promise<Record<string, unknown>> {
  return exerciseModules(id, async () => ({ binary: readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')) }))
}

export function tsExercises(): { id: string }[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'exercises', 'manifest.json'), 'utf8')) as { exercises: { id: string, track: string }[] }
  return manifest.exercises.filter(e => e.track === 'ts')
}

export const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
