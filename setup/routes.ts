import { defineRoutesSetup } from '@slidev/types'

// The workshop page (/workshop and /workshop/<id>), a route of the deck itself: `npm run build` and
// `npm run dev` serve it with the slides, and its code (Monaco, the transpiler, the engine, the checks)
// is a chunk of its own, loaded only when the page opens: the talk's first slide never pays for it.
export default defineRoutesSetup(routes => [
  {
    name: 'workshop',
    path: '/workshop/:id?',
    component: () => import('../workshop/web/WorkshopPage.vue'),
  },
  ...routes,
])
