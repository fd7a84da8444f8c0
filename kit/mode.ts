// Talk mode or workshop mode: which form the exercise cards take on the slides.
// Talk mode (the default) shows a small marker in a corner; workshop mode shows the full cards.
// The headmatter sets the default (`workshop: true`); the URL overrides it (`?workshop`, `?workshop=0`);
// a print (the PDF handout) always shows the full cards.

export type KitMode = 'talk' | 'workshop'

/** The query value of `?workshop`: absent (null), empty (`?workshop`), or a value (`?workshop=0`). */
export function resolveMode(headmatter: unknown, query: string | null, printing: boolean): KitMode {
  if (printing)
    return 'workshop'
  if (query !== null)
    return ['0', 'false', 'no', 'off', 'talk'].includes(query.toLowerCase()) ? 'talk' : 'workshop'
  return headmatter === true || headmatter === 'true' ? 'workshop' : 'talk'
}
