// The engine's layers (engine/README.md): each file imports only from its own layer or the ones
// before it, type imports included, and no two files import each other, however indirectly.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ENGINE = resolve(__dirname, '../../../engine')

/** The layers, lowest first; a file belongs to the first layer with a pattern matching its path. */
export const LAYERS: [name: string, files: RegExp][] = [
  ['base: errors, shapes, nested arrays', /^(errors|shape|nested)\.ts$/],
  ['ops: definitions, registry, the interpreter', /^(ops\/.*|evaluate|walk)\.ts$/],
  ['hooks: observers, noGrad, warnings', /^(hooks|warn)\.ts$/],
  ['static graphs and their gradients', /^(graph|gradients)\.ts$/],
  ['eager tensors and autograd', /^(autograd|tensor|kinds)\.ts$/],
  ['session', /^session\.ts$/],
  ['capture: trace, graph functions, cond, compile', /^(trace|graph-function|cond|compile)\.ts$/],
  ['passes', /^passes\/.*\.ts$/],
  ['onnx', /^onnx\/.*\.ts$/],
  ['observing and the public entry', /^(observer|record|snapshot|index)\.ts$/],
]

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? engineFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(ENGINE, join(dir, e.name))] : [])
}

/** Every engine file a file imports or re-exports from, type-only imports included. */
export function importsOf(source: string, file: string): string[] {
  const specs = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map(m => m[1])
  return specs.filter(s => s.startsWith('.')).map((s) => {
    const target = relative(ENGINE, resolve(ENGINE, dirname(file), s))
    return target.endsWith('.ts') ? target : `${target}.ts`
  }).map(t => (engineFiles().includes(t) ? t : t.replace(/\.ts$/, '/index.ts')))
}

export function layerOf(file: string): number {
  return LAYERS.findIndex(([, re]) => re.test(file))
}

/** A cycle in the import graph, as a path that ends where it starts, or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done')
      return null
    if (state.get(f) === 'open')
      return [...path.slice(path.indexOf(f)), f]
    state.set(f, 'open')
    path.push(f)
    for (const g of graph.get(f) ?? []) {
      const cycle = visit(g)
      if (cycle)
        return cycle
    }
    path.pop()
    state.set(f, 'done')
    return null
  }
  for (const f of graph.keys()) {
    const cycle = visit(f)
    if (cycle)
      return cycle
  }
  return null
}

const files = engineFiles()
const graph = new Map(files.map(f => [f, importsOf(readFileSync(join(ENGINE, f), 'utf8'), f)]))

describe('engine layers', () => {
  it('every engine file belongs to a layer', () => {
    expect(files.filter(f => layerOf(f) < 0)).toEqual([])
  })

  it('imports point down the layers, never up', () => {
    const upward = [...graph].flatMap(([f, deps]) => deps.filter(d => layerOf(d) > layerOf(f)).map(d => `${f} (${LAYERS[layerOf(f)][0]}) imports ${d} (${LAYERS[layerOf(d)][0]})`))
    expect(upward).toEqual([])
  })

  it('has no import cycle, type imports included', () => {
    expect(findCycle(graph)).toBeNull()
  })

  it('the deck\'s entry does not reach ONNX or protobuf', () => {
    const reached = new Set<string>()
    const walk = (f: string) => {
      if (reached.has(f))
        return
      reached.add(f)
      graph.get(f)?.forEach(walk)
    }
    walk('index.ts')
    expect([...reached].filter(f => f.startsWith('onnx/'))).toEqual([])
    expect([...reached].filter(f => /onnx-proto|protobufjs/.test(readFileSync(join(ENGINE, f), 'utf8').match(/from '[^']+'/g)?.join() ?? ''))).toEqual([])
  })

  it('the deck\'s code (demos, components, charts, slide files) imports the engine only through its main entry', () => {
    const root = resolve(ENGINE, '..')
    const deckFiles = (dir: string): string[] => readdirSync(join(root, dir), { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? deckFiles(join(dir, e.name)) : /\.(?:ts|vue|md)$/.test(e.name) ? [join(dir, e.name)] : [])
    const offending = ['demos', 'components', 'charts', 'pages'].flatMap(deckFiles).flatMap(f =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/from\s+'([^']*engine[^']*)'/g)].map(m => m[1]).filter(s => !/engine(?:\/index)?$/.test(s)).map(s => `${f}: ${s}`))
    expect(offending).toEqual([])
  })

  it('the checks see what they must: a cycle and an upward import are found', () => {
    expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts'])
    expect(importsOf('import type { Graph } from \'../graph\'\nexport { x } from \'./types\'', 'ops/builder.ts')).toEqual(['graph.ts', 'ops/types.ts'])
    expect(layerOf('graph.ts')).toBeGreaterThan(layerOf('ops/types.ts'))
  })
})
