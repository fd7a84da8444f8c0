// Who gives the talk, where, and where the kit lives: read from the headmatter of slides.md
// (`speaker`, `event`, `kit`), so a presenter fills them in one place. Missing fields show a
// placeholder that says which key to set.

export interface TalkInfo {
  title: string
  speaker: string
  event: string
  kit: string
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

export function talkInfo(configs: Record<string, unknown>): TalkInfo {
  return {
    title: text(configs.title) ?? 'PyTorch vs TensorFlow',
    speaker: text(configs.speaker) ?? 'Speaker name (set `speaker:` in slides.md)',
    event: text(configs.event) ?? 'Event (set `event:` in slides.md)',
    kit: text(configs.kit) ?? 'this kit: slides, handouts and the workshop',
  }
}
