// Every PDF is printed by Slidev's own exporter, which @slidev/cli does not export by name: this holds
// the lookup in scripts/print-deck.ts to the pinned version (an upgrade that moves it fails here).
import { describe, expect, it } from 'vitest'
import { slidevExporter } from '../../scripts/print-deck'

describe('slidev\'s exporter', () => {
  it('is found, with the three functions the exports call', async () => {
    const exporter = await slidevExporter()
    for (const name of ['exportSlides', 'exportNotes', 'getExportOptions'] as const)
      expect(typeof exporter[name], name).toBe('function')
  })

  it('turns our flags into one print of the whole deck, a page a slide, after the load event', async () => {
    const exporter = await slidevExporter()
    const options = { data: { config: { canvasWidth: 980, aspectRatio: 16 / 9, export: {} }, slides: [{}, {}] } }
    const resolved = exporter.getExportOptions({ 'wait-until': 'load', 'timeout': 5, 'executable-path': '/x' }, options, 'out.pdf')
    expect(resolved).toMatchObject({ perSlide: false, withClicks: false, waitUntil: 'load', timeout: 5, executablePath: '/x', total: 2, width: 980, height: 551, output: 'out.pdf' })
  })
})
