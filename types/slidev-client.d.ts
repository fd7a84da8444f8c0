// The part of `@slidev/client` our components use, typed for the type-check only.
// Slidev's client ships TypeScript sources that need its build-time globals (__DEV__, __SLIDEV_*__)
// and virtual modules; they do not compile under this project's strict settings, so tsconfig maps
// '@slidev/client' to this file. At run time Vite resolves the real package.
import type { ComputedRef, Ref } from 'vue'

export declare function useSlideContext(): {
  /** clicks done on the current slide */
  $clicks: Ref<number>
  /** the slide number this component sits on */
  $page: Ref<number>
  /** this slide's frontmatter (routeAlias, clicks, layout, …) */
  $frontmatter: Record<string, unknown>
}

export declare function useNav(): {
  currentSlideNo: ComputedRef<number>
  total: ComputedRef<number>
  clicks: ComputedRef<number>
  clicksTotal: ComputedRef<number>
  /** true while exporting (PDF) or on the print route: show every demo in its final state */
  isPrintMode: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
  /** every slide of the deck, in order */
  slides: ComputedRef<SlideRoute[]>
}

export interface SlideRoute {
  no: number
  meta: { slide: { title?: string, frontmatter: Record<string, unknown> } }
}

/** The resolved headmatter of slides.md, including the deck's own keys (speaker, event, kit, workshop). */
export declare const configs: Record<string, unknown> & { title: string }
