// Fills {v:id} / {d:id} from data/versions.json in every slide and note, before Slidev parses them.
import { definePreparserSetup } from '@slidev/types'
import { fillVersions } from './versions'

export default definePreparserSetup(() => [{
  transformRawLines(lines) {
    for (let i = 0; i < lines.length; i++)
      lines[i] = fillVersions(lines[i])
  },
}])
