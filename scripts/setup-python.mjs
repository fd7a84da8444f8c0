#!/usr/bin/env node
// `npm run setup:python [-- --from <dir> | --download <dir>]`: creates .venv/ and installs
// exercises/requirements.txt into it, PyTorch's CPU build by itself (the CUDA one is several GB more).
// A facilitator prepares a wheel folder once (`--download <dir>`: `pip download` of the pinned set) and
// participants install from it without the internet (`--from <dir>`).
// Idempotent: the hash of the requirements file is kept in .venv/.requirements.sha256 and pip is
// skipped when it has not changed, so running this before every test run costs ~nothing.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const venv = join(root, '.venv')
const venvPython = join(venv, 'bin', 'python')
const requirements = join(root, 'exercises', 'requirements.txt')
const stampFile = join(venv, '.requirements.sha256')
const MIN = [3, 11]
const CPU_INDEX = 'https://download.pytorch.org/whl/cpu'

function option(name) {
  const i = process.argv.indexOf(name)
  if (i < 0)
    return undefined
  const value = process.argv[i + 1]
  if (!value || value.startsWith('--'))
    fail(`${name} needs a folder, e.g. ${name} ./wheels`)
  return resolve(value)
}

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

/** The participant's own pip setup (a company mirror, a pip.conf) wins over our choice of index. */
function userChoseIndex(python) {
  if (process.env.PIP_INDEX_URL || process.env.PIP_EXTRA_INDEX_URL)
    return true
  const r = spawnSync(python, ['-m', 'pip', 'config', 'list'], { encoding: 'utf8' })
  return r.status === 0 && /index-url/.test(r.stdout)
}

/** Where pip takes packages from: the offline folder, or PyPI plus PyTorch's CPU-only index (not on macOS, whose wheels are CPU-only). */
function pipSource(python, fromDir) {
  if (fromDir)
    return ['--no-index', '--find-links', fromDir]
  if (process.platform === 'darwin' || userChoseIndex(python))
    return []
  return ['--extra-index-url', CPU_INDEX]
}

// Without these, pip retries an unreachable index with back-off for minutes; respect values already set.
const pipEnv = { ...process.env, PIP_RETRIES: process.env.PIP_RETRIES ?? '0', PIP_TIMEOUT: process.env.PIP_TIMEOUT ?? '3', PIP_DISABLE_PIP_VERSION_CHECK: '1' }

const downloadDir = option('--download')
const fromDir = option('--from')
if (downloadDir) {
  const python = existsSync(venvPython) ? { cmd: venvPython } : findPython()
  if (!python)
    fail('no python3 found to run `pip download` with.')
  console.log(`setup:python: downloading the pinned set into ${downloadDir} (for this OS and Python; repeat on each kind of laptop in the room)`)
  if (!run(python.cmd, ['-m', 'pip', 'download', '--dest', downloadDir, '-r', requirements, ...pipSource(python.cmd)], pipEnv))
    fail('pip download failed (see above).')
  console.log(`setup:python: done. Participants run: npm run setup:python -- --from ${downloadDir}`)
  process.exit(0)
}
if (fromDir && (!existsSync(fromDir) || !readdirSync(fromDir).some(f => f.endsWith('.whl'))))
  fail(`${fromDir} holds no wheels (*.whl). A facilitator makes it with: npm run setup:python -- --download ${fromDir}`)

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

const source = pipSource(venvPython, fromDir)
console.log(`setup:python: installing exercises/requirements.txt into .venv (a few minutes the first time, ~2.6 GB)${
  fromDir ? ` from ${fromDir}, offline` : source.length ? `, PyTorch from its CPU-only index (${CPU_INDEX})` : ''}`)

const started = Date.now()
// pip compiles every installed module to bytecode one file at a time, ~70 % of an install of this set on
// this machine (115 s in all); unpacking without it took 36 s, and compileall on every core 33 s more.
if (!run(venvPython, ['-m', 'pip', 'install', '--quiet', '--no-compile', '-r', requirements, ...source], pipEnv))
  fail('pip install failed (see above). Fix the cause and run `npm run setup:python` again; nothing is recorded until it succeeds.')
// The bytecode pip would have written, on every core (-j 0). Its exit status is 1 whenever any file fails to
// compile, and some packages ship such files on purpose (templates, test data), which pip skips silently
// too; a module left uncompiled is only compiled again on import, so only a crash stops the setup.
const compiled = spawnSync(venvPython, ['-m', 'compileall', '-qq', '-j', '0', join(venv, 'lib')], { stdio: 'inherit' })
if (compiled.error || compiled.signal)
  fail(`compiling the installed modules failed: ${compiled.error?.message ?? compiled.signal}`)

writeFileSync(stampFile, `${wanted}\n`)
console.log(`setup:python: done in ${Math.round((Date.now() - started) / 1000)} s. The workshop runner uses .venv/bin/python by itself.`)
