// Speaker notes as a reader of the handout gets them: the opening cue (how long, which part) set apart,
// then the prose, each `[click]` marked where the presenter clicks.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Notes source (as written in the slide's comment) → HTML. Single line breaks are the author's wrapping,
 * not structure; blank lines start a paragraph, and each `[click]` is marked where it falls, inside the
 * prose: the beats of a demo are a sentence or two each, and a line apiece would leave the slide's
 * picture no room. The notes hold no other Markdown (plain prose with identifiers such as
 * requires_grad), so none is interpreted: underscores stay as written.
 */
export function notesToHtml(source: string): string {
  return source.split(/\n\s*\n/).map(squash).filter(Boolean).map((paragraph, i) => {
    let text = escapeHtml(paragraph).replace(/\s*\[click(?::\d+)?\]\s*/g, ' <span class="click">click</span> ').trim()
    // The cue the notes open with, "(Origins; about a minute here.)", is for the presenter's timing.
    if (i === 0)
      text = text.replace(/^(\([^)]*\))\s*/, '<span class="cue">$1</span> ')
    return `<p>${text}</p>`
  }).join('\n')
}
