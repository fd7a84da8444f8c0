import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureCopies, notebookFolders } from '../../../workshop/commands/notebook'
import { workshopPaths } from '../../../workshop/paths'
import { kitRoot, runCli } from './cli-harness'

// `npm run workshop -- notebook`: learners' copies in my-notebooks/ are made once and never overwritten;
// a newer original is announced; --fresh backs the copy up first; JupyterLab really serves the copies.

const roots: string[] = []
afterAll(() => roots.forEach(root => rmSync(root, { recursive: true, force: true })))

/** A workshop root with the kit's real exercises, solutions and generated notebooks. */
function kitCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'workshop-notebooks-'))
  roots.push(root)
  cpSync(join(kitRoot, 'exercises'), join(root, 'exercises'), { recursive: true, filter: src => !/[/\\]exercise\.(?:py|ts)$/.test(src) })
  cpSync(join(kitRoot, 'solutions'), join(root, 'solutions'), { recursive: true })
  cpSync(join(kitRoot, 'notebooks'), join(root, 'notebooks'), { recursive: true })
  return root
}

function withVersion(file: string, version: string): void {
  const notebook = JSON.parse(readFileSync(file, 'utf8'))
  notebook.metadata.workshop.version = version
  writeFileSync(file, JSON.stringify(notebook))
}

describe('learners\' notebook copies', () => {
  it('are made once from the originals, and an edited copy is never overwritten', () => {
    const paths = workshopPaths(kitCopy())
    const { originals, copies } = notebookFolders(paths)
    const first = ensureCopies(paths)
    expect(first.made).toEqual(readdirSync(originals).filter(n => n.endsWith('.ipynb')).sort())
    const mine = join(copies, '07-training-step.ipynb')
    writeFileSync(mine, readFileSync(mine, 'utf8').replace('%%answer\\n', '%%answer\\n# my work\\n'))
    withVersion(join(originals, '07-training-step.ipynb'), 'newer')
    const again = ensureCopies(paths)
    expect(again.made).toEqual([])
    expect(again.outdated).toEqual(['07-training-step.ipynb'])
    expect(readFileSync(mine, 'utf8')).toContain('# my work')
  })

  it('--fresh keeps a backup of the learner\'s copy before taking the original', () => {
    const paths = workshopPaths(kitCopy())
    const { originals, copies } = notebookFolders(paths)
    ensureCopies(paths)
    const mine = join(copies, '08-zero-grad.ipynb')
    const edited = readFileSync(mine, 'utf8').replace('%%answer\\n', '%%answer\\n# my work\\n')
    writeFileSync(mine, edited)
    const outcome = ensureCopies(paths, '08-zero-grad')
    expect(outcome.backup && readFileSync(outcome.backup, 'utf8')).toBe(edited)
    expect(readFileSync(mine, 'utf8')).toBe(readFileSync(join(originals, '08-zero-grad.ipynb'), 'utf8'))
  })
})

describe('npm run workshop -- notebook', () => {
  it('refuses a TypeScript exercise', async () => {
    const result = await runCli(kitCopy(), ['notebook', '03'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('only the Python track has notebooks')
  })

  const jupyter = join(kitRoot, '.venv', 'bin', 'jupyter')
  it.skipIf(!existsSync(jupyter))('opens JupyterLab on my-notebooks/, serving the learner\'s copy', async () => {
    const root = kitCopy()
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(kitRoot, 'workshop/cli.ts'), 'notebook', '07', '--no-browser'], {
      cwd: kitRoot,
      detached: true, // its own group: JupyterLab is stopped with the CLI that started it
      env: { ...process.env, WORKSHOP_ROOT: root, WORKSHOP_JUPYTER: jupyter, JUPYTER_RUNTIME_DIR: join(root, '.jupyter-runtime'), NO_COLOR: '1' },
    })
    try {
      let output = ''
      const url = await new Promise<URL>((resolve, reject) => {
        const seen = (chunk: unknown): void => {
          output += String(chunk)
          const found = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+\/lab\S*\?token=\w+)/.exec(output)
          if (found)
            resolve(new URL(found[1]))
        }
        child.stdout?.on('data', seen)
        child.stderr?.on('data', seen)
        child.once('exit', code => reject(new Error(`the command ended (${code}) before JupyterLab was up:\n${output}`)))
      })
      expect(output).toContain('Made your copies in my-notebooks/')
      const token = url.searchParams.get('token')
      const response = await fetch(new URL(`/api/contents/07-training-step.ipynb?token=${token}`, url))
      expect(response.status).toBe(200)
      const served = await response.json() as { content: { metadata: { workshop: { exercise: string } } } }
      expect(served.content.metadata.workshop.exercise).toBe('07-training-step')
    }
    finally {
      if (child.exitCode === null) {
        const exited = new Promise(done => child.once('exit', done))
        process.kill(-child.pid!, 'SIGTERM')
        await exited
      }
    }
  })
})
