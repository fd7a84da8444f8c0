import type { WorkshopPaths } from '../paths'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statfsSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import pc from 'picocolors'
import { lockFile } from '../lock'
import { loadManifest, ManifestError } from '../manifest'
import { kitRoot } from '../paths'
import { say } from '../screen'
import { defaultPython } from '../tracks/py'

// `npm run workshop -- doctor`: a participant's machine, checked the way a facilitator would at the
// door. Each line is ✓, or ✗ with what to do; exit 1 if anything needs fixing.

interface Finding {
  ok: boolean
  what: string
  /** What to do about it (only when not ok). */
  fix?: string
  /** Not needed for every participant (the Python track): a ✗ here is a warning, not a failure. */
  optional?: boolean
}

const MIN_NODE = [20, 12]
const GB = 1024 ** 3

function nodeVersion(): Finding {
  const [major, minor] = process.versions.node.split('.').map(Number)
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
  return { ok, what: `Node ${process.versions.node}`, fix: `install Node ${MIN_NODE.join('.')} or newer (https://nodejs.org), then npm ci` }
}

function nodeModules(): Finding {
  const ok = ['vitest', 'typescript', 'chokidar', '@clack/prompts'].every(name => existsSync(join(kitRoot, 'node_modules', name, 'package.json')))
  return { ok, what: 'the kit\'s npm packages', fix: 'run npm ci in the kit' }
}

function manifest(paths: WorkshopPaths): Finding {
  try {
    return { ok: true, what: `${loadManifest(paths).length} exercises in exercises/manifest.json` }
  }
  catch (error) {
    if (!(error instanceof ManifestError))
      throw error
    return { ok: false, what: 'exercises/manifest.json', fix: `${error.problems.join('; ')} (a fresh copy of the kit fixes it)` }
  }
}

/** The venv and its frameworks, imported for real (the slow part: ~10 s). */
function python(): Finding[] {
  const venv = defaultPython()
  if (!existsSync(venv)) {
    const system = spawnSync('python3', ['--version'], { encoding: 'utf8' })
    return [{
      ok: false,
      optional: true,
      what: 'the Python environment (.venv) for the PyTorch/TensorFlow track',
      fix: system.status === 0
        ? `run npm run setup:python (${system.stdout.trim()} found; offline: npm run setup:python -- --from <wheel folder>)`
        : 'install Python 3.11 or newer, then npm run setup:python',
    }]
  }
  const probe = 'import json, sys\nimport torch, tensorflow as tf, pytest, onnx, onnxruntime\nprint(json.dumps({"python": sys.version.split()[0], "torch": torch.__version__, "cuda": torch.version.cuda, "tensorflow": tf.__version__}))'
  const run = spawnSync(venv, ['-c', probe], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } })
  if (run.status !== 0) {
    const missing = run.stderr.match(/No module named '([^']+)'/)?.[1]
    return [{ ok: false, optional: true, what: 'importing torch, tensorflow, pytest, onnx and onnxruntime', fix: `${missing ? `${missing} is missing: ` : ''}run npm run setup:python again${run.error ? ` (${run.error.message})` : ''}` }]
  }
  const v = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, string | null>
  return [
    { ok: true, what: `Python ${v.python}, torch ${v.torch}, tensorflow ${v.tensorflow} import` },
    ...(v.cuda ? [{ ok: false, optional: true, what: `torch is a CUDA build (${v.cuda})`, fix: 'it works, but the CPU build is several GB smaller: delete .venv and run npm run setup:python' }] : []),
  ]
}

function disk(paths: WorkshopPaths, needGb: number): Finding {
  const stats = statfsSync(paths.root)
  const free = (stats.bavail * stats.bsize) / GB
  return { ok: free >= needGb, what: `${free.toFixed(1)} GB free on the kit's disk`, fix: `free at least ${needGb} GB` }
}

function otherRunner(paths: WorkshopPaths): Finding[] {
  const file = lockFile(paths)
  if (!existsSync(file))
    return []
  const pid = Number((JSON.parse(readFileSync(file, 'utf8')) as { pid?: number }).pid)
  return [{ ok: true, what: `a workshop runner holds this folder (process ${pid}); a second one would be refused` }]
}

export function doctorCommand(paths: WorkshopPaths): number {
  say(pc.bold('Checking this machine for the workshop…'))
  const venvMissing = !existsSync(defaultPython())
  const findings = [nodeVersion(), nodeModules(), manifest(paths), ...python(), disk(paths, venvMissing ? 3 : 0.5), ...otherRunner(paths)]
  for (const f of findings) {
    const mark = f.ok ? pc.green('✓') : f.optional ? pc.yellow('!') : pc.red('✗')
    say(`${mark} ${f.what}${f.ok ? '' : `\n    → ${f.fix}`}`)
  }
  const failed = findings.filter(f => !f.ok && !f.optional).length
  const warned = findings.filter(f => !f.ok && f.optional).length
  say(failed ? pc.red(`${failed} thing(s) to fix before the workshop.`) : warned ? pc.yellow('Ready for the TypeScript track; see ! above for the Python track.') : pc.green('All set for both tracks.'))
  return failed ? 1 : 0
}
