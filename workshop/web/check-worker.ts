/// <reference lib="webworker" />
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url'
import * as engine from '../../engine/index'
import { needsModules } from './browser-exercises'
import { exerciseModules } from './exercise-modules'
import { runChecks } from './run-checks'

// The Web Worker that runs a learner's code with the exercise's checks: the page never runs learner
// code on its own thread, and stops this worker at the time limit (check-host.ts). The check files,
// the exercises' given code, the helpers and the fixtures are bundled in as text, so it needs no network.

const raw = import.meta.glob<string>([
  '../../exercises/*/check.test.ts',
  '../../exercises/*/given.ts',
  '../../exercises/check-helpers.ts',
  '../../tests/fixtures/torch-reference.json',
], { query: '?raw', import: 'default', eager: true })
const sources = Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.replace(/^(?:\.\.\/)+/, ''), text]))

// Exercise 06's ONNX Runtime reads its WebAssembly from the deck's own build, fetched by the worker
// itself (below) before the learner's code runs: that code never gets to fetch.
const ownFetch = globalThis.fetch.bind(globalThis)
const ortWasm = async () => ({ binary: await (await ownFetch(ortWasmUrl)).arrayBuffer(), url: ortWasmUrl })

// Learner code gets no network: the worker's ways out are removed before any of it runs.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker']) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false })
  }
  catch {}
}

export interface CheckRequest { id: string, code: string }

globalThis.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, code } = event.data
  let modules = {}
  if (needsModules(id)) { // loading them (ONNX Runtime) is start-up: the time limit counts from 'ready'
    postMessage({ type: 'loading' })
    modules = await exerciseModules(id, ortWasm)
    postMessage({ type: 'ready' })
  }
  postMessage({ type: 'result', result: await runChecks(id, code, sources, engine, modules) })
}
postMessage({ type: 'ready' })
