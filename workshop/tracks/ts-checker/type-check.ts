import type { TypeErrors } from '../../verdict/type-errors'
import { join } from 'node:path'
import ts from 'typescript'
import { kitRoot } from '../../paths'
import { EXERCISE_GLOBALS, SHOWN_TYPE_ERRORS } from '../../verdict/type-errors'

export type { TypeErrors }

// Type errors of the learner's file, with a code frame, from a warm TypeScript language service: the
// first call loads the libraries and the engine's types (about a second); after a save only the
// changed file is checked again (tens of milliseconds). Only the learner's own file is reported.

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.findConfigFile(kitRoot, ts.sys.fileExists, 'tsconfig.json')
  const parsed = configFile
    ? ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
    : undefined
  // The kit's settings, minus the declarations that cost most to load and that an exercise does not
  // need: the DOM and Vite's client types (the deck's), and @types/node (a second of CPU on its own;
  // the one global an exercise uses, console, is declared in EXERCISE_GLOBALS instead).
  return {
    ...(parsed?.options ?? { strict: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }),
    lib: ['lib.es2023.d.ts'],
    types: [],
    noEmit: true,
  }
}

export class TypeChecker {
  private readonly options = compilerOptions()
  private readonly versions = new Map<string, string>()
  private readonly files = new Set<string>()
  /** Files that exist only here (the warm-up's). */
  private readonly virtual = new Map<string, string>()
  private readonly service: ts.LanguageService
  private readonly formatHost: ts.FormatDiagnosticsHost

  constructor(private readonly root: string, private readonly color = false) {
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [...this.files],
      // The learner's file changes between checks; the libraries and the engine do not during a workshop.
      getScriptVersion: file => this.versions.get(file) ?? '0',
      getScriptSnapshot: (file) => {
        const text = this.virtual.get(file) ?? ts.sys.readFile(file)
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      },
      getCurrentDirectory: () => kitRoot,
      getCompilationSettings: () => this.options,
      getDefaultLibFileName: options => ts.getDefaultLibFilePath(options),
      fileExists: file => this.virtual.has(file) || ts.sys.fileExists(file),
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    }
    const globals = join(kitRoot, 'workshop', '__globals__.d.ts')
    this.virtual.set(globals, EXERCISE_GLOBALS)
    this.files.add(globals)
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry())
    this.formatHost = {
      getCanonicalFileName: file => file,
      getCurrentDirectory: () => this.root,
      getNewLine: () => '\n',
    }
  }

  /** Loads the standard libraries, @types/node and the engine's types once (about a second). */
  warmUp(): void {
    const file = join(kitRoot, 'workshop', '__warm-up__.ts')
    this.virtual.set(file, `import type { Tensor } from ${JSON.stringify(join(kitRoot, 'engine', 'index'))}\nexport const x: Tensor | number = 1\n`)
    this.files.add(file)
    this.service.getSemanticDiagnostics(file)
    this.files.delete(file)
    this.virtual.delete(file)
  }

  /**
   * undefined when the file type-checks, or has a syntax error (that is reported by the test run as a
   * file that does not load, with its line).
   */
  check(file: string): TypeErrors | undefined {
    this.files.add(file)
    const text = ts.sys.readFile(file) ?? ''
    this.versions.set(file, `${text.length}:${hash(text)}`)
    if (this.service.getSyntacticDiagnostics(file).length)
      return undefined
    const errors = this.service.getSemanticDiagnostics(file).filter(d => d.category === ts.DiagnosticCategory.Error)
    if (!errors.length)
      return undefined
    const shown = errors.slice(0, SHOWN_TYPE_ERRORS)
    const format = this.color ? ts.formatDiagnosticsWithColorAndContext : formatPlainWithContext
    const more = errors.length - shown.length
    const first = shown[0]
    const line = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : 1
    return {
      count: errors.length,
      text: format(shown, this.formatHost).trimEnd() + (more > 0 ? `\n… and ${more} more type error${more === 1 ? '' : 's'}` : ''),
      location: { file: relativeTo(this.root, file), line },
    }
  }
}

/** The compiler's code frame without colour codes (it has no plain variant of its own). */
function formatPlainWithContext(diagnostics: readonly ts.Diagnostic[], host: ts.FormatDiagnosticsHost): string {
  // eslint-disable-next-line no-control-regex
  return ts.formatDiagnosticsWithColorAndContext(diagnostics, host).replace(/\u001B\[[0-9;]*m/g, '')
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file
}

function hash(text: string): number {
  let h = 0
  for (let i = 0; i < text.length; i++)
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0
  return h
}
