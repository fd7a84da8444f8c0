// `--only <sections> --merge`: re-measure some sections of the committed results without a full
// run (a full run takes half an hour). The other sections keep their figures; the results say which
// sections were re-measured when, and on how busy a machine.
import type { Section } from './figures'
import type { Results } from './report'
import { SECTIONS } from './figures'

export function mergeResults(previous: Results, fresh: Results, sections: Section[]): Results {
  const order = (s: Section): number => SECTIONS.indexOf(s)
  const keep = <T extends { section: Section }>(items: T[]): T[] => items.filter(x => !sections.includes(x.section))
  const sorted = <T extends { section: Section }>(items: T[]): T[] => items.map((x, i) => ({ x, i }))
    .sort((a, b) => order(a.x.section) - order(b.x.section) || a.i - b.i)
    .map(({ x }) => x)
  return {
    ...previous,
    figures: sorted([...keep(previous.figures), ...fresh.figures]),
    skips: sorted([...keep(previous.skips), ...fresh.skips]),
    facts: { ...previous.facts, ...fresh.facts },
    remeasured: [
      // An earlier re-measurement whose sections are all measured again is superseded.
      ...(previous.remeasured ?? []).filter(r => !r.sections.every(x => sections.includes(x as Section))),
      { sections, date: fresh.date, runs: fresh.runs, loadAverage: fresh.machine.loadAverage, loadAverageMax: fresh.machine.loadAverageMax },
    ],
  }
}
