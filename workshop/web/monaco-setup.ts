import type { PlainDiagnostic } from '../verdict/type-errors'
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker'
import { getTypeScriptWorker, ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register'
import { EXERCISE_GLOBALS } from '../verdict/type-errors'
import { needsModules } from './browser-exercises'
import 'monaco-editor/languages/definitions/typescript/register'
// The editing features a learner reaches for; Monaco's full set (every language, every contribution)
// would weigh twice as much. Loaded only by the workshop page, never by the talk's slides.
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'
import 'monaco-editor/editor/contrib/comment/browser/comment'
import 'monaco-editor/editor/contrib/find/browser/findController'
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'

// Monaco for the workshop page: TypeScript with the engine's sources and the exercise's given code as
// extra files, so the learner's file type-checks as it does in the CLI (strict, ES2023, the console
// global and nothing of the DOM: the code runs in a worker, not in a page).

globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
}

const engineSources = import.meta.glob<string>(['../../engine/**/*.ts', '!../../engine/onnx/**'], { query: '?raw', import: 'default', eager: true })
const givenSources = import.meta.glob<string>('../../exercises/*/given.ts', { query: '?raw', import: 'default', eager: true })

const kitPath = (path: string): string => path.replace(/^(?:\.\.\/)+/, '')

typescriptDefaults.setCompilerOptions({
  strict: true,
  target: ScriptTarget.ESNext,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  lib: ['lib.es2023.d.ts'], // a file name, as the CLI's checker gives it (the short form is the command line's)
  noEmit: true,
  isolatedModules: true,
})
typescriptDefaults.setEagerModelSync(true)
typescriptDefaults.addExtraLib(EXERCISE_GLOBALS, 'file:///workshop/__globals__.d.ts')
for (const [path, text] of Object.entries({ ...engineSources, ...givenSources }))
  typescriptDefaults.addExtraLib(text, `file:///${kitPath(path)}`)

// The packages exercise 06's code imports, as types at their node_modules paths (onnx-proto's messages,
// and onnxruntime-node's API: onnxruntime-common's, which the browser's ONNX Runtime shares). Loaded
// when such an exercise first opens, not with the page.
const packageTypes = import.meta.glob<string>([
  '../../node_modules/onnx-proto/dist/onnx.d.ts',
  '../../node_modules/onnxruntime-common/dist/esm/*.d.ts',
], { query: '?raw', import: 'default', exhaustive: true })
const packageEntries: Record<string, string> = {
  'node_modules/onnx-proto/index.d.ts': 'export * from \'./dist/onnx\'\n',
  'node_modules/onnxruntime-common/index.d.ts': 'export * from \'./dist/esm/index\'\n',
  'node_modules/onnxruntime-node/index.d.ts': 'export * from \'onnxruntime-common\'\n',
}
let packagesAdded: Promise<void> | undefined

function addPackageTypes(): Promise<void> {
  packagesAdded ??= Promise.all(Object.entries(packageTypes).map(async ([path, load]) => [kitPath(path), await load()] as const))
    .then((files) => {
      for (const [path, text] of [...files, ...Object.entries(packageEntries)])
        typescriptDefaults.addExtraLib(text, `file:///${path}`)
    })
  return packagesAdded
}

/** The types the exercise's code needs beyond the engine and its given code (its packages), once added. */
const exerciseTypes = (id: string): Promise<void> => (needsModules(id) ? addPackageTypes() : Promise.resolve())

export { monaco }

/** The learner's file as a model at its kit path, so `../../engine/index` and `./given` resolve. */
export function learnerModel(id: string, code: string): monaco.editor.ITextModel {
  void exerciseTypes(id)
  const uri = monaco.Uri.parse(`file:///exercises/${id}/exercise.ts`)
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(code, 'typescript', uri)
  if (model.getValue() !== code)
    model.setValue(code)
  return model
}

/** The file's errors from Monaco's TypeScript worker; none when it has a syntax error (the check says where). */
export async function typeDiagnostics(model: monaco.editor.ITextModel): Promise<PlainDiagnostic[]> {
  await exerciseTypes(model.uri.path.split('/').at(-2) ?? '')
  const client = await (await getTypeScriptWorker())(model.uri)
  const uri = model.uri.toString()
  const syntax = await client.getSyntacticDiagnostics(uri)
  if (syntax.length)
    return []
  const semantic = await client.getSemanticDiagnostics(uri)
  return semantic.filter(d => d.category === 1).map(d => ({ start: d.start, length: d.length, code: d.code, messageText: d.messageText as PlainDiagnostic['messageText'] }))
}
