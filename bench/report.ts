// The benchmark's output: a table on the terminal, results.json (everything) and results.md (for people).
import type { Figure, Skip, Unit } from './figures'
import type { Summary } from './stats'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Results {
  mode: 'full' | 'smoke'
  date: string
  durationS: number
  runs: number
  machine: { cpus: number, cpuModel: string, memoryGiB: number, os: string, node: string, chromium: string, loadAverage: number[], loadAverageAtEnd: number[], loadAverageMax?: number[] }
  versions: Record<string, string>
  deck: { slides: number, demos: string[] }
  figures: Figure[]
  skips: Skip[]
  facts: Record<string, unknown>
  /** Sections measured again later with `--only … --merge`. */
  remeasured?: { sections: string[], date: string, runs: number, loadAverage: number[], loadAverageMax?: number[] }[]
}

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value))
    return '–'
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(0)} kB`
    case 'MiB':
      return `${value.toFixed(0)} MiB`
    case 'count':
      return String(Math.round(value))
  }
}

function spread(s: Summary | undefined, unit: Unit): string {
  if (!s || !s.n)
    return '–'
  if (s.n === 1)
    return formatValue(s.median, unit)
  return `${formatValue(s.min, unit)} / ${formatValue(s.median, unit)} / ${formatValue(s.max, unit)}`
}

function verdict(f: Figure): string {
  if (!f.target)
    return ''
  if (f.met === undefined)
    return `${f.target.text}: ?`
  return `${f.target.text}: ${f.met ? 'met' : 'MISSED'}`
}

function rows(results: Results): string[][] {
  const p95 = (f: Figure, s: Summary | undefined): string =>
    s && s.n > 1 && (f.tail || f.target?.stat === 'p95') ? ` (p95 ${formatValue(s.p95, f.unit)})` : ''
  return results.figures.map(f => [
    f.label.replace(/`/g, ''),
    spread(f.ours, f.unit) + p95(f, f.ours),
    spread(f.plain, f.unit) + p95(f, f.plain),
    f.ratio === undefined ? '–' : `${f.ratio.toFixed(2)}×`,
    verdict(f),
  ])
}

const HEAD = ['figure', 'ours (min / median / max)', 'plain (min / median / max)', 'ratio', 'target']

export function terminalTable(results: Results): string {
  const all = [HEAD, ...rows(results)]
  const widths = HEAD.map((_, i) => Math.max(...all.map(r => r[i].length)))
  const line = (r: string[]): string => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()
  const out = [line(HEAD), widths.map(w => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)]
  for (const f of results.figures.filter(x => x.met === false))
    out.push(`✖ ${f.label.replace(/`/g, '')}: ${f.why ?? 'missed'}`)
  for (const skip of results.skips)
    out.push(`· skipped ${skip.section}: ${skip.what}: ${skip.reason}`)
  return out.join('\n')
}

export function markdown(results: Results): string {
  const m = results.machine
  const cell = (s: string): string => s.replace(/\|/g, '\\|')
  const lines = [
    `# Benchmark results (${results.mode} run)`,
    '',
    `Run on ${results.date} by \`npm run bench\`${results.mode === 'smoke' ? ' -- --smoke' : ''}: ${results.runs} run(s) per figure, ${results.durationS.toFixed(0)} s in all. `
    + `Ours is this deck (${results.deck.slides} slides); plain is a deck Slidev generates with the same number of slides, version, theme and offline settings, `
    + 'Markdown only (title, text, a code block). The ratio is ours / plain, of medians.',
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(0)} GiB, ${m.os}; Node ${m.node}; Chromium ${m.chromium}; load average (1/5/15 min) ${m.loadAverage.map(x => x.toFixed(1)).join(' / ')} at start, ${m.loadAverageAtEnd.map(x => x.toFixed(1)).join(' / ')} at the end`
    + `${m.loadAverageMax ? `, up to ${m.loadAverageMax[0].toFixed(1)} (1 min) between sections` : ''} `
    + '(other work shares these cores: read the ratios more than the absolute times).',
    `Versions: ${Object.entries(results.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    ...(results.remeasured ?? []).map(r => `Re-measured on ${r.date} (\`--only ${r.sections.join(',')} --merge\`, ${r.runs} run(s)): `
      + `${r.sections.join(', ')}; load average ${r.loadAverage[0].toFixed(1)} at start${r.loadAverageMax ? `, up to ${r.loadAverageMax[0].toFixed(1)}` : ''}.`),
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map(() => '---').join(' | ')} |`,
    ...rows(results).map(r => `| ${r.map(cell).join(' | ')} |`),
    '',
  ]
  const missed = results.figures.filter(f => f.met === false)
  if (missed.length) {
    lines.push('## Missed targets: why, and what it would take', '')
    const busiest = Math.max(...m.loadAverage, ...m.loadAverageAtEnd, ...(m.loadAverageMax ?? []))
    if (busiest > m.cpus) {
      lines.push(`The machine was oversubscribed (load average up to ${busiest.toFixed(0)} on ${m.cpus} cores): absolute times, long tasks and `
        + 'frame times include time spent waiting for a core, so a figure with an absolute limit can miss it here and meet it on a quiet laptop. '
        + 'Ratios to the plain deck, measured side by side, are the fairer reading.', '')
    }
    for (const f of missed)
      lines.push(`- **${f.label}** (${f.target?.text}): ${f.why ?? 'no explanation recorded'}`)
    lines.push('')
  }
  const notes = results.figures.filter(f => f.note)
  if (notes.length) {
    lines.push('## How each figure was measured', '')
    for (const f of notes)
      lines.push(`- **${f.label}**: ${f.note}`)
    lines.push('')
  }
  if (results.skips.length) {
    lines.push('## Not measured (yet)', '')
    for (const skip of results.skips)
      lines.push(`- ${skip.section}: ${skip.what}: ${skip.reason}`)
    lines.push('')
  }
  return lines.join('\n')
}

export function writeReports(results: Results, dir: string): { json: string, md: string } {
  const json = join(dir, 'results.json')
  const md = join(dir, 'results.md')
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(md, markdown(results))
  return { json, md }
}
