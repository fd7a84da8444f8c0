// `npm test`: every check the kit has, then one closing line `N passed, M failed`.
// Stages keep going after a failure so one run shows everything that is wrong; the exit code is 1 if any failed.
//
// Two lanes run side by side, so that both cores are busy most of the run: the main lane (type-check,
// lint, build, unit tests, end-to-end) prints as it goes; the side lane (pytest on the snippets and
// exercises, every notebook through nbclient, the workshop verify, the benchmark's smoke run) writes to
// a log, printed whole when it ends so the two never interleave. The summary lists each lane's stages together.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

const venvPython = '.venv/bin/python'
/** Each lane's stages in the order they ran: the summary lists setup, then the main lane, then the side lane. */
const results = { setup: [], main: [], side: [] }

/** Runs one stage; `output` is 'inherit' or a log file's path. Resolves with whether it passed. */
function run(name, command, args, { counts, output = 'inherit', lane = 'main' } = {}) {
  const slot = results[lane].push({ name }) - 1
  const header = `\n━━ ${name}: ${[command, ...args].join(' ')}\n`
  const fd = output === 'inherit' ? undefined : openSync(output, 'a')
  if (fd === undefined)
    process.stdout.write(header)
  else
    writeSync(fd, header)
  const stdio = fd === undefined ? 'inherit' : ['ignore', fd, fd]
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio, env: process.env })
    child.on('error', error => finish(null, error))
    child.on('exit', status => finish(status))
    let done = false
    function finish(status, error) {
      if (done)
        return
      done = true
      if (fd !== undefined)
        closeSync(fd)
      if (error)
        console.error(`✖ ${name}: could not start ${command}: ${error.message}`)
      const ok = status === 0
      const tally = counts?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }
      if (!ok && tally.failed === 0)
        tally.failed = 1 // a crash before any test ran still counts as a failure
      results[lane][slot] = { name, ok, seconds: (Date.now() - started) / 1000, ...tally }
      resolve(ok)
    }
  })
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
mkdirSync('test-results', { recursive: true })
const sideLog = 'test-results/side-lane.log'
const pytest = ['-m', 'pytest', '-q', '-p', 'no:cacheprovider']
const started = Date.now()

// The venv is what the unit tests (the runner's Python-track tests skip without it), the workshop verify
// and the side lane need; on a fresh clone making it takes ~1.5 min, so what needs no Python (type-check,
// lint, the build) runs beside it. Its log is printed when it ends.
const setupLog = 'test-results/python-setup.log'
const venvReady = existsSync(venvPython)
  ? Promise.resolve(true)
  : run('python environment', 'npm', ['run', 'setup:python'], { lane: 'setup', output: setupLog }).then((ok) => {
      console.log(`\n━━ python environment (made beside the stages above), from ${setupLog}`)
      console.log(readFileSync(setupLog, 'utf8'))
      return ok
    })

// The main lane prints as it goes; the side lane writes to a log, printed whole when it ends. The side
// lane also takes the workshop verify and the benchmark's smoke run: the main lane is the longer one
// (its end-to-end stage alone keeps both cores busy), and the side lane used to end minutes before it.
let deckBuilt
const built = new Promise(resolve => (deckBuilt = resolve))
async function sideLane() {
  await venvReady
  if (existsSync('tests/python'))
    await run('python snippets and exercises', venvPython, [...pytest, 'tests/python', '--ignore=tests/python/test_notebooks.py', '--junitxml=test-results/python.xml'], { counts: pytestCounts('test-results/python.xml'), output: sideLog, lane: 'side' })
  // A stage of its own, so the summary shows what running every exercise's notebook with nbclient costs.
  if (existsSync('tests/python/test_notebooks.py'))
    await run('notebooks (nbclient, every Python exercise)', venvPython, [...pytest, 'tests/python/test_notebooks.py', '--junitxml=test-results/notebooks.xml'], { counts: pytestCounts('test-results/notebooks.xml'), output: sideLog, lane: 'side' })
  await run('workshop verify (starters fail, solutions pass)', 'npm', ['run', '--silent', 'workshop', '--', 'verify'], { output: sideLog, lane: 'side' })
  // A smoke run measures nothing worth keeping; it checks that the benchmark still works, on the build.
  if (existsSync('bench/run.ts') && await built)
    await run('benchmark smoke run', 'npm', ['run', '--silent', 'bench', '--', '--smoke'], { output: sideLog, lane: 'side' })
  console.log(`\n━━ side lane (run beside the stages above), from ${sideLog}`)
  console.log(existsSync(sideLog) ? readFileSync(sideLog, 'utf8') : '(no output)')
}

async function mainLane() {
  await run('type-check', 'npx', ['vue-tsc', '--noEmit'])
  await run('lint', 'npx', ['eslint', '.'])
  deckBuilt(await run('build the deck', 'npm', ['run', '--silent', 'build']))
  // The unit tests before the end-to-end ones, though they wait for the venv on a fresh clone: Vitest
  // runs one file at a time, Playwright two browsers, so the stage that can fill both cores goes last,
  // when the side lane has ended (the other order left a core idle for the last minutes).
  await venvReady
  await run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], { counts: vitestCounts('test-results/unit.json') })
  if (await built)
    await run('end-to-end (built deck, real Chromium)', 'npx', ['playwright', 'test'], { counts: playwrightCounts('test-results/e2e.json') })
}

await Promise.all([mainLane(), sideLane()])

console.log('\n━━ summary')
const all = [...results.setup, ...results.main, ...results.side]
for (const r of all)
  console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(52)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0)} s`)
const passed = all.reduce((n, r) => n + r.passed, 0)
const failed = all.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed in ${((Date.now() - started) / 60000).toFixed(1)} min`)
process.exit(all.every(r => r.ok) ? 0 : 1)
