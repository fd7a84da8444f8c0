#!/usr/bin/env node
// `npm run setup:python`: creates .venv/ and installs exercises/requirements.txt into it.
// Idempotent: the hash of the requirements file is kept in .venv/.requirements.sha256 and pip is
// skipped when it has not changed, so running this before every test run costs ~nothing.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const venv = join(root, '.venv')
const venvPython = join(venv, 'bin', 'python')
const requirements = join(root, 'exercises', 'requirements.txt')
const stampFile = join(venv, '.requirements.sha256')
const MIN = [3, 11]

function fail(message) {
  console.error(`setup:python: ${message}`)
  process.exit(1)
}

/** The interpreter to build the venv from: $PYTHON, else python3, else python. */
function findPython() {
  const candidates = [process.env.PYTHON, 'python3', 'python'].filter(Boolean)
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' })
    if (r.status === 0)
      return { cmd, version: r.stdout.trim() }
  }
  return null
}

function tooOld(version) {
  const [major, minor] = version.split('.').map(Number)
  return major < MIN[0] || (major === MIN[0] && minor < MIN[1])
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  if (r.error)
    fail(`could not run ${cmd}: ${r.error.message}`)
  return r.status === 0
}

const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex')

if (existsSync(venvPython) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === wanted) {
  console.log('setup:python: .venv is up to date with exercises/requirements.txt (nothing to do)')
  process.exit(0)
}

if (!existsSync(venvPython)) {
  const python = findPython()
  if (!python)
    fail(`no python3 found. Install Python ${MIN.join('.')} or newer (or set PYTHON=/path/to/python3), then run \`npm run setup:python\` again.`)
  if (tooOld(python.version))
    fail(`${python.cmd} is Python ${python.version}; the workshop needs ${MIN.join('.')} or newer (torch 2.13 and tensorflow 2.21 have no wheels for older versions). Set PYTHON=/path/to/python3.11 and run again.`)
  console.log(`setup:python: creating .venv with ${python.cmd} (Python ${python.version})`)
  if (!run(python.cmd, ['-m', 'venv', venv], process.env)) {
    rmSync(venv, { recursive: true, force: true })
    fail('`python -m venv` failed (on Debian/Ubuntu: apt-get install python3-venv).')
  }
}

console.log('setup:python: installing exercises/requirements.txt into .venv (a few minutes the first time, ~2.6 GB)')
console.log('  On a laptop, the CPU-only PyTorch build keeps this small; if pip picks a CUDA build, run:')
console.log('    .venv/bin/python -m pip install -r exercises/requirements.txt --extra-index-url https://download.pytorch.org/whl/cpu')

// Without these, pip retries an unreachable index with back-off for minutes; respect values already set.
const env = { ...process.env, PIP_RETRIES: process.env.PIP_RETRIES ?? '0', PIP_TIMEOUT: process.env.PIP_TIMEOUT ?? '3', PIP_DISABLE_PIP_VERSION_CHECK: '1' }
const started = Date.now()
if (!run(venvPython, ['-m', 'pip', 'install', '--quiet', '-r', requirements], env))
  fail('pip install failed (see above). Fix the cause and run `npm run setup:python` again; nothing is recorded until it succeeds.')

writeFileSync(stampFile, `${wanted}\n`)
console.log(`setup:python: done in ${Math.round((Date.now() - started) / 1000)} s. The workshop runner uses .venv/bin/python by itself.`)
