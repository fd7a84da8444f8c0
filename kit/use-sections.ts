// The deck's parts for components, from Slidev's own list of slides (see kit/sections.ts).
import type { SlideInfo } from './sections'
import { useNav } from '@slidev/client'
import { computed } from 'vue'

export function useSlideInfos() {
  const { slides } = useNav()
  return computed<SlideInfo[]>(() => slides.value.map(s => ({
    no: s.no,
    // Titles may carry inline markdown (`tf.function`): show them as plain text.
    title: (s.meta.slide.title ?? '').replace(/[`*_]/g, ''),
    frontmatter: s.meta.slide.frontmatter,
  })))
}
