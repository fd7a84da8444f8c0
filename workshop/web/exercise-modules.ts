// The modules an exercise's code imports beyond the engine, for the browser's check runner. Exercise
// 06's code and checks import ONNX Runtime for Node (`onnxruntime-node`, native), onnx-proto and the
// engine's ONNX exporter: in the browser, `onnxruntime-node` is ONNX Runtime for the web (the same API,
// onnxruntime-common, at the same version), run from its WebAssembly build on the worker's own thread.
// Loaded only for that exercise: the other checks, and the talk, never load ONNX Runtime.
import { needsModules } from './browser-exercises'

/** How ONNX Runtime for the web gets its WebAssembly: the binary itself (the worker has no network for it to fetch with), and where it lies (the deck's own build, never a CDN). */
export interface OrtWasm { binary: ArrayBuffer | Uint8Array, url?: string }

async function onnxModules(wasm: OrtWasm): Promise<Record<string, unknown>> {
  const [ort, onnxProto, engineOnnx] = await Promise.all([
    import('onnxruntime-web/wasm'),
    import('onnx-proto'),
    import('../../engine/onnx/index'),
  ])
  ort.env.wasm.numThreads = 1 // no threads: no SharedArrayBuffer, so no cross-origin isolation needed
  ort.env.wasm.proxy = false
  ort.env.wasm.wasmBinary = wasm.binary
  if (wasm.url)
    ort.env.wasm.wasmPaths = { wasm: wasm.url }
  // onnx-proto is CommonJS: code imports its default export, the module object itself.
  return { 'onnxruntime-node': ort, 'onnx-proto': onnxProto.default, 'engine/onnx/index': engineOnnx }
}

/** The exercise's extra modules, by the specifier its code imports them with (none for most exercises). */
export async function exerciseModules(id: string, wasm: () => Promise<OrtWasm>): Promise<Record<string, unknown>> {
  return needsModules(id) ? onnxModules(await wasm()) : {}
}
