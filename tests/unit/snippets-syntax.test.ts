import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const snippetDir = join(root, 'snippets')
const python = ['python3', 'python'].find((cmd) => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
})
const scripts = readdirSync(snippetDir).filter(f => f.endsWith('.py'))
// Byte-code goes to a temp dir so the check leaves no __pycache__ in snippets/.
const pycache = mkdtempSync(join(tmpdir(), 'snippets-pyc-'))
afterAll(() => rmSync(pycache, { recursive: true, force: true }))

/** Compiles every script in one python3 process (spawning one per file is slow on a busy machine). */
function compileAll(): Record<string, string> {
  const program = [
    'import json, py_compile, sys',
    'errors = {}',
    'for path in sys.argv[1:]:',
    '    try:',
    '        py_compile.compile(path, doraise=True)',
    '        errors[path] = ""',
    '    except py_compile.PyCompileError as err:',
    '        errors[path] = str(err)',
    'print(json.dumps(errors))',
  ].join('\n')
  const out = execFileSync(python!, ['-c', program, ...scripts.map(s => join(snippetDir, s))], {
    env: { ...process.env, PYTHONPYCACHEPREFIX: pycache },
    encoding: 'utf8',
  })
  return JSON.parse(out) as Record<string, string>
}

describe('snippets/*.py', () => {
  it('finds python3 and some snippets', () => {
    expect(python).toBeDefined()
    expect(scripts.length).toBeGreaterThan(5)
  })

  const results = python ? compileAll() : {}
  for (const script of scripts) {
    it(`${script} compiles`, () => {
      expect(results[join(snippetDir, script)]).toBe('')
    })
  }

  it('every .out file belongs to a snippet', () => {
    const outs = readdirSync(snippetDir).filter(f => f.endsWith('.out'))
    for (const out of outs)
      expect(existsSync(join(snippetDir, out.replace(/\.out$/, '.py')))).toBe(true)
  })
})

describe('slides that import snippets', () => {
  const pages = readdirSync(join(root, 'pages')).filter(f => f.endsWith('.md'))
  const imports = pages.flatMap(page => [...readFileSync(join(root, 'pages', page), 'utf8')
    .matchAll(/^<<<\s*@\/snippets\/([\w.-]+)(?:#([\w-]+))?(?:\s|$)/gm)]
    .map(m => ({ page, file: m[1], region: m[2] })))

  it('import some snippets', () => {
    expect(imports.length).toBeGreaterThan(10)
  })
  for (const { page, file, region } of imports) {
    it(`${page}: ${file}${region ? `#${region}` : ''} exists`, () => {
      const path = join(snippetDir, file)
      expect(existsSync(path)).toBe(true)
      if (region) {
        const text = readFileSync(path, 'utf8')
        expect(text).toMatch(new RegExp(`^\\s*# region ${region}$`, 'm'))
        expect(text).toMatch(new RegExp(`^\\s*# endregion ${region}$`, 'm'))
      }
    })
  }
})
