import { transform } from 'sucrase'

// Loads TypeScript files from a map of kit-relative paths (exercises/01-…/check.test.ts → source) as
// CommonJS modules: each is stripped of its types by sucrase (which keeps line numbers, so a stack
// frame points at the learner's line) and evaluated with a sourceURL naming its path. Bare imports
// and the engine come from `builtins`, already loaded, so the check and the learner share one engine.

export type Sources = Record<string, string>

/** A file that does not parse: where, and what the transpiler said. */
export class SyntaxErrorAt extends Error {
  override name = 'SyntaxError'
  constructor(readonly file: string, readonly line: number | undefined, readonly column: number | undefined, readonly detail: string) {
    super(`[SYNTAX_ERROR] ${detail}${line ? `\n    at ${file}:${line}:${column ?? 1}` : ''}`)
  }
}

function normalize(parts: string[]): string {
  const out: string[] = []
  for (const part of parts) {
    if (part === '..')
      out.pop()
    else if (part && part !== '.')
      out.push(part)
  }
  return out.join('/')
}

export function transpile(file: string, source: string): string {
  try {
    return transform(source, { transforms: ['typescript', 'imports'], filePath: file, production: true }).code
  }
  catch (error) {
    const e = error as Error & { loc?: { line: number, column: number } }
    const detail = e.message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '')
    throw new SyntaxErrorAt(file, e.loc?.line, e.loc === undefined ? undefined : e.loc.column + 1, detail)
  }
}

export class ModuleLoader {
  private readonly cache = new Map<string, { exports: unknown }>()

  constructor(private readonly sources: Sources, private readonly builtins: Record<string, unknown>) {}

  private resolve(specifier: string, from: string): string {
    if (!specifier.startsWith('.'))
      return specifier
    const base = normalize([...from.split('/').slice(0, -1), ...specifier.split('/')])
    for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
      if (candidate in this.sources || candidate in this.builtins)
        return candidate
    }
    return base
  }

  /** The module's exports, loading it (and what it imports) on first use. */
  require(path: string): unknown {
    if (path in this.builtins)
      return this.builtins[path]
    const cached = this.cache.get(path)
    if (cached)
      return cached.exports
    const source = this.sources[path]
    if (source === undefined)
      throw new Error(`Cannot find module '${path}'`)
    if (path.endsWith('.json')) {
      const module = { exports: JSON.parse(source) as unknown }
      this.cache.set(path, module)
      return module.exports
    }
    const code = transpile(path, source)
    const module = { exports: {} as unknown }
    this.cache.set(path, module)
    const require = (specifier: string): unknown => this.require(this.resolve(specifier, path))
    // Indirect eval: global scope, and the sourceURL names the file in stack traces. The wrapper's
    // first line holds the module's first line, so line numbers stay the file's own.
    // eslint-disable-next-line no-eval
    const factory = (0, eval)(`(function (exports, require, module) {${code}\n})\n//# sourceURL=${path}`) as (e: unknown, r: typeof require, m: typeof module) => void
    factory(module.exports, require, module)
    return module.exports
  }
}
