// The timeline's events as the slides show them: data/timeline.json with its {v:id} / {d:id}
// placeholders filled from data/versions.json (an event may take its whole date from there: "date": "{d:id}").
import type { TimelineEvent } from './timeline-layout'
import raw from '../data/timeline.json'
import { fillVersions, versions } from '../setup/versions'

const WHOLE_DATE = /^\{d:([\w.-]+)\}$/

export function fillEvent(e: TimelineEvent): TimelineEvent {
  const id = WHOLE_DATE.exec(e.date)?.[1]
  const date = id ? versions[id]?.date : e.date
  if (!date)
    throw new Error(`timeline event "${e.id}": data/versions.json has no date for "${id}"`)
  return { ...e, date, label: fillVersions(e.label), detail: fillVersions(e.detail) }
}

export const timelineEvents: TimelineEvent[] = (raw.events as TimelineEvent[]).map(fillEvent)
