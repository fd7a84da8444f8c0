// `npm test`: every check the kit has, in order, then one closing line `N passed, M failed`.
// Stages keep going after a failure so one run shows everything that is wrong; the exit code is 1 if any failed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const results = []
const venvPython = '.venv/bin/python'

function run(name, command, args, { counts } = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`)
  const started = Date.now()
  const child = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const ok = child.status === 0
  const counted = counts?.()
  const tally = counted ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }
  if (!ok && tally.failed === 0)
    tally.failed = 1 // a crash before any test ran still counts as a failure
  results.push({ name, ok, seconds: (Date.now() - started) / 1000, ...tally })
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  }
  catch {
    return undefined
  }
}

function vitestCounts(file) {
  return () => {
    const report = readJson(file)
    return report && { passed: report.numPassedTests, failed: report.numFailedTests }
  }
}

function playwrightCounts(file) {
  return () => {
    const report = readJson(file)
    return report && { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky }
  }
}

function pytestCounts(file) {
  return () => {
    if (!existsSync(file))
      return undefined
    const xml = readFileSync(file, 'utf8')
    const attr = name => Number(new RegExp(`<testsuite[^>]*\\s${name}="(\\d+)"`).exec(xml)?.[1] ?? 0)
    const failed = attr('failures') + attr('errors')
    return { passed: attr('tests') - failed - attr('skipped'), failed }
  }
}

rmSync('test-results', { recursive: true, force: true })

run('type-check', 'npx', ['vue-tsc', '--noEmit'])
run('lint', 'npx', ['eslint', '.'])
// Before the unit tests: the runner's Python-track tests need the venv (they skip without it).
if (!existsSync(venvPython))
  run('python environment', 'npm', ['run', 'setup:python'])
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], { counts: vitestCounts('test-results/unit.json') })

if (existsSync('tests/python'))
  run('python snippets and exercises', venvPython, ['-m', 'pytest', 'tests/python', '-q', '-p', 'no:cacheprovider', '--ignore=tests/python/test_notebooks.py', '--junitxml=test-results/python.xml'], { counts: pytestCounts('test-results/python.xml') })
// A stage of its own, so the summary shows what running every exercise's notebook with nbclient costs.
if (existsSync('tests/python/test_notebooks.py'))
  run('notebooks (nbclient, every Python exercise)', venvPython, ['-m', 'pytest', 'tests/python/test_notebooks.py', '-q', '-p', 'no:cacheprovider', '--junitxml=test-results/notebooks.xml'], { counts: pytestCounts('test-results/notebooks.xml') })

run('workshop verify (starters fail, solutions pass)', 'npm', ['run', '--silent', 'workshop', '--', 'verify'])

if (run('build the deck', 'npm', ['run', '--silent', 'build']))
  run('end-to-end (built deck, real Chromium)', 'npx', ['playwright', 'test'], { counts: playwrightCounts('test-results/e2e.json') })

if (existsSync('bench/run.ts'))
  run('benchmark smoke run', 'npm', ['run', '--silent', 'bench', '--', '--smoke'])

console.log('\n━━ summary')
for (const r of results)
  console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(52)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0)} s`)
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(results.every(r => r.ok) ? 0 : 1)
