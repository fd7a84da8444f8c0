// The deck's current mode, for components (see kit/mode.ts for the rules).
import type { KitMode } from './mode'
import { configs, useNav } from '@slidev/client'
import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { resolveMode } from './mode'

export function useKitMode() {
  const { isPrintMode } = useNav()
  const route = useRoute()
  return computed<KitMode>(() => {
    const q = route.query.workshop
    const query = q === undefined ? null : String((Array.isArray(q) ? q[0] : q) ?? '')
    return resolveMode(configs.workshop, query, isPrintMode.value)
  })
}
