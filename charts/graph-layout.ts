// Where every node, edge, badge and group box of a graph goes: a pure function of the graph (a demo's
// final graph, every node it will ever show), computed once and handed to GraphView, which only draws.
// Nodes are placed by dagre; groups without edges between them are laid out one by one and packed in
// rows (a cache of traces), groups joined by edges are lanes of one layout (forward and gradient).
import type { GraphGroup } from '../demos/types'
import type { GraphSnapshot, SnapshotNode } from '../engine/index'
import type { TextOptions } from './graph-text'
import dagre from '@dagrejs/dagre'
import { lines } from './graph-text'

/** Text metrics in layout units (the SVG is drawn at about this size: 16 units ≈ 20 px on a 1280 projector). */
export const METRICS = { font: 16, line: 21, char: 16 * 0.6, padX: 12, padY: 8, badgeFont: 13, badgeRow: 20, groupFont: 15, groupHead: 28 }

export interface Point { x: number, y: number }
/** A box by its top-left corner. */
export interface Box { x: number, y: number, width: number, height: number }
export interface PlacedNode extends Box {
  /** text rows the box was sized for */
  rows: number
  /** where this node's badge goes, relative to the node (inside its own box, below its text) */
  badge?: Box
}
export interface PlacedGroup extends Box { id: string, label: string }

export interface GraphLayout {
  nodes: Record<string, PlacedNode>
  /** polylines keyed `from->to` */
  edges: Record<string, Point[]>
  groups: PlacedGroup[]
  viewBox: Box
}

export interface LayoutOptions extends TextOptions {
  direction: 'TB' | 'LR'
  groups?: readonly GraphGroup[]
  /**
   * nodes that show a badge (NEW, FROZEN, …) at some step: their box gets a row for it, as wide as
   * the longest badge each shows (by its number of letters; a set means any badge, up to REMOVED)
   */
  badged?: ReadonlySet<string> | ReadonlyMap<string, number>
  /** other versions of the nodes (earlier steps): each box fits the longest text any of them has */
  samples?: readonly GraphSnapshot[]
  /** separate groups are packed in rows no wider than maxWidth, or in columns no taller than maxHeight */
  pack?: 'rows' | 'columns'
  maxWidth?: number
  maxHeight?: number
  /** groups joined by edges (lanes) follow each other along the direction instead of side by side */
  stackLanes?: boolean
  /**
   * A node that replaces others (a fused kernel) and the nodes it replaces: it goes in the rank of the
   * last of them, beside it, rather than in a column of its own next to its inputs
   */
  replaces?: Readonly<Record<string, readonly string[]>>
}

const edgeKey = (from: string, to: string) => `${from}->${to}`
/** dagre's separations between nodes of a rank and between ranks (compact graphs use less) */
const NODE_SEP = 22
const RANK_SEP = 34

function nodeSize(versions: readonly SnapshotNode[], o: LayoutOptions, badgeLetters: number) {
  const badged = badgeLetters > 0
  const texts = versions.flatMap(n => [lines(n, o), lines({ ...n, value: undefined, grad: undefined }, o)])
  const rows = Math.max(...texts.map(t => t.length))
  const chars = Math.max(o.compact ? 3 : 5, ...texts.flat().map(l => l.length))
  const m = METRICS
  const padY = o.compact ? m.padY - 3 : m.padY
  // a badged box is at least as wide as its longest badge
  const badgeWidth = badged ? Math.ceil(badgeLetters * m.badgeFont * 0.62 + 10 + m.padX) : 0
  return { width: Math.max(badgeWidth, Math.ceil(chars * m.char + 2 * m.padX)), height: 2 * padY + rows * m.line + (badged ? m.badgeRow : 0), rows }
}

interface Part { nodes: Record<string, PlacedNode>, edges: Record<string, Point[]>, bounds: { left: number, top: number, right: number, bottom: number } }

/** One dagre run over some nodes; `lanes` become compound clusters. */
function runDagre(graph: GraphSnapshot, sizes: Map<string, ReturnType<typeof nodeSize>>, o: LayoutOptions, lanes: readonly GraphGroup[], badged: ReadonlySet<string> | ReadonlyMap<string, number>): Part {
  const g = new dagre.graphlib.Graph({ compound: lanes.length > 0, multigraph: false })
  g.setGraph({ ranker: 'tight-tree', rankdir: o.direction, nodesep: o.compact ? 12 : NODE_SEP, ranksep: o.compact ? 22 : RANK_SEP, edgesep: 14, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  const replacing = new Set(Object.keys(o.replaces ?? {}))
  for (const n of graph.nodes.filter(n => !replacing.has(n.id))) g.setNode(n.id, { width: sizes.get(n.id)!.width, height: sizes.get(n.id)!.height })
  for (const lane of lanes) {
    g.setNode(`lane:${lane.id}`, {})
    for (const id of lane.nodes) {
      if (g.hasNode(id))
        g.setParent(id, `lane:${lane.id}`)
    }
  }
  for (const e of graph.edges) {
    if (g.hasNode(e.from) && g.hasNode(e.to))
      g.setEdge(e.from, e.to)
  }
  // Stacked lanes: an unseen edge from each last node of a lane to each first node of the next puts
  // the gradient lane after the forward one (as the backward pass comes after the forward pass).
  const unseen = new Set<string>()
  if (o.stackLanes) {
    for (const [a, b] of lanes.slice(1).map((lane, i) => [lanes[i], lane] as const)) {
      const inA = new Set(a.nodes)
      const inB = new Set(b.nodes)
      const lastsA = a.nodes.filter(id => !graph.edges.some(e => e.from === id && inA.has(e.to)))
      const firstsB = b.nodes.filter(id => !graph.edges.some(e => e.to === id && inB.has(e.from)))
      for (const v of lastsA) {
        for (const w of firstsB) {
          if (!g.hasEdge(v, w)) {
            g.setEdge(v, w, { weight: 0 })
            unseen.add(edgeKey(v, w))
          }
        }
      }
    }
  }
  dagre.layout(g)
  const nodes: Record<string, PlacedNode> = {}
  for (const n of graph.nodes.filter(n => !replacing.has(n.id))) {
    const p = g.node(n.id) as unknown as { x: number, y: number, width: number, height: number }
    const size = sizes.get(n.id)!
    nodes[n.id] = { x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height, rows: size.rows }
    if (badged.has(n.id))
      nodes[n.id].badge = badgeBox(p.width, p.height)
  }
  const edges: Record<string, Point[]> = {}
  for (const e of g.edges()) {
    if (!unseen.has(edgeKey(e.v, e.w)))
      edges[edgeKey(e.v, e.w)] = (g.edge(e).points ?? []).map((q: Point) => ({ x: q.x, y: q.y }))
  }
  for (const id of replacing) {
    if (graph.nodes.some(n => n.id === id))
      placeReplacing(id, graph, sizes.get(id)!, badged.has(id), shownWith(id, graph, o.samples), nodes, edges)
  }
  return { nodes, edges, bounds: bounds(Object.values(nodes)) }
}

/** how far a fused node's box and its input edges keep from other edges and nodes */
const CLEAR = NODE_SEP / 2
const grow = (b: Box, dx: number, dy: number): Box => ({ x: b.x - dx, y: b.y - dy, width: b.width + 2 * dx, height: b.height + 2 * dy })

/**
 * A node that replaces others (a fused kernel) goes below its inputs, as near them as it can, in space
 * free of the nodes it is ever shown with (the step that creates it still shows the ones it replaces;
 * nodes removed before it exists leave room) and of every edge dagre drew. Left to dagre, it would take
 * a column of its own next to its inputs, widening the whole drawing, and end up far from them once the
 * others are gone; dagre with it and its edges in the graph is 13–32 % wider (every ranker, rank and
 * separation tried: the text would shrink below 18 px on screen). Its input edges run as dagre's do: down into the gap below the input's rank,
 * across, and down into the box, along a column that crosses no node.
 */
function placeReplacing(id: string, graph: GraphSnapshot, size: ReturnType<typeof nodeSize>, badged: boolean, shownWith: ReadonlySet<string>, nodes: Record<string, PlacedNode>, edges: Record<string, Point[]>) {
  const inputs = graph.edges.filter(e => e.to === id && nodes[e.from]).map(e => e.from)
  const all = bounds(Object.values(nodes))
  const others = Object.entries(nodes).filter(([other]) => shownWith.has(other)).map(([, b]) => b)
  const segments = Object.values(edges).flatMap(pts => pts.slice(1).map((q, k) => [pts[k], q] as const))
  const top = Math.max(all.top, ...inputs.map(i => nodes[i].y + nodes[i].height)) + RANK_SEP
  const centre = inputs.length ? inputs.reduce((sum, i) => sum + nodes[i].x + nodes[i].width / 2, 0) / inputs.length : (all.left + all.right) / 2
  const clear = (b: Box) => !others.some(o => overlaps(grow(b, NODE_SEP, RANK_SEP / 2), o)) && !segments.some(([p, q]) => segmentHitsBox(p, q, grow(b, CLEAR, CLEAR)))
  let best: { box: Box, routes: Point[][], cost: number } | undefined
  for (let y = top; y + size.height <= Math.max(all.bottom, top + size.height); y += 4) {
    for (let x = all.left; x + size.width <= Math.max(all.right, all.left + size.width); x += 4) {
      const box = { x, y, width: size.width, height: size.height }
      const cost = Math.abs(x + size.width / 2 - centre) + 1.5 * (y - top)
      if ((best && cost >= best.cost) || !clear(box))
        continue
      const routes = inputs.map(i => route(nodes[i], box, Object.entries(nodes).filter(([n]) => n !== i).map(([, b]) => b)))
      if (routes.every(Boolean))
        best = { box, routes: routes as Point[][], cost }
    }
  }
  // no room inside: under everything, edges straight down into it
  const box: PlacedNode = { ...(best?.box ?? { x: centre - size.width / 2, y: all.bottom + RANK_SEP, width: size.width, height: size.height }), rows: size.rows }
  if (badged)
    box.badge = badgeBox(box.width, box.height)
  nodes[id] = box
  for (const [k, from] of inputs.entries()) {
    const b = nodes[from]
    edges[edgeKey(from, id)] = best?.routes[k] ?? [{ x: b.x + b.width / 2, y: b.y + b.height }, { x: Math.min(Math.max(b.x + b.width / 2, box.x + 12), box.x + box.width - 12), y: box.y }]
  }
}

/**
 * An edge from `from` into the top of `to`: down to the middle of the gap below from's rank (its
 * nodes share a centre line), across to a column over `to`, down; the nearest column whose route
 * stays clear of `obstacles`. Corners carry two more points 10 apart, so GraphView's curve through
 * the midpoints turns there rather than cutting across.
 */
function route(from: Box, to: Box, obstacles: readonly Box[]): Point[] | undefined {
  const cx = from.x + from.width / 2
  const mid = from.y + from.height / 2
  const rankBottom = Math.max(...obstacles.filter(o => Math.abs(o.y + o.height / 2 - mid) < 1).map(o => o.y + o.height), from.y + from.height)
  const gap = rankBottom + RANK_SEP / 2
  const columns: number[] = []
  for (let x = to.x + 12; x <= to.x + to.width - 12; x += 4) columns.push(x)
  columns.sort((a, b) => Math.abs(a - cx) - Math.abs(b - cx))
  for (const x of columns) {
    const corners = [{ x: cx, y: from.y + from.height }, { x: cx, y: gap }, { x, y: gap }, { x, y: to.y }]
    if (corners.slice(1).some((q, k) => obstacles.some(o => segmentHitsBox(corners[k], q, grow(o, CLEAR, CLEAR)))))
      continue
    if (Math.abs(x - cx) < 1)
      return [corners[0], corners[3]]
    // 10 from p toward q, at most halfway
    const toward = (p: Point, q: Point, t = Math.min(0.5, 10 / Math.hypot(q.x - p.x, q.y - p.y))) => ({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) })
    const [a, b, c, d] = corners
    return [a, toward(b, a), b, toward(b, c), toward(c, b), c, toward(c, d), d]
  }
  return undefined
}

/** The nodes shown at some step together with `id` (every node when the steps are not known). */
function shownWith(id: string, graph: GraphSnapshot, samples: readonly GraphSnapshot[] = []): Set<string> {
  const withIt = samples.filter(s => s.nodes.some(n => n.id === id))
  return new Set((withIt.length ? withIt : [graph]).flatMap(s => s.nodes.map(n => n.id)).filter(other => other !== id))
}

function badgeBox(width: number, height: number): Box {
  const m = METRICS
  return { x: m.padX / 2, y: height - m.badgeRow - 3, width: width - m.padX, height: m.badgeRow - 2 }
}

function bounds(boxes: readonly Box[]) {
  if (!boxes.length)
    return { left: 0, top: 0, right: 0, bottom: 0 }
  return {
    left: Math.min(...boxes.map(b => b.x)),
    top: Math.min(...boxes.map(b => b.y)),
    right: Math.max(...boxes.map(b => b.x + b.width)),
    bottom: Math.max(...boxes.map(b => b.y + b.height)),
  }
}

function shift(part: Part, dx: number, dy: number, into: GraphLayout) {
  for (const [id, n] of Object.entries(part.nodes)) into.nodes[id] = { ...n, x: n.x + dx, y: n.y + dy }
  for (const [key, pts] of Object.entries(part.edges)) into.edges[key] = pts.map(p => ({ x: p.x + dx, y: p.y + dy }))
}

/** Do edges join different groups? Then they are lanes of one layout, not separate graphs. */
function joined(graph: GraphSnapshot, groups: readonly GraphGroup[]): boolean {
  const groupOf = new Map(groups.flatMap(g => g.nodes.map(id => [id, g.id] as const)))
  return graph.edges.some(e => groupOf.get(e.from) !== groupOf.get(e.to))
}

const GROUP_PAD = 12
const GROUP_GAP = 16

export function layoutGraph(graph: GraphSnapshot, o: LayoutOptions): GraphLayout {
  const badged = o.badged ?? new Set<string>()
  const versions = new Map<string, SnapshotNode[]>(graph.nodes.map(n => [n.id, [n]]))
  for (const s of o.samples ?? []) {
    for (const n of s.nodes) versions.get(n.id)?.push(n)
  }
  const letters = (id: string) => badged instanceof Map ? badged.get(id) ?? 0 : badged.has(id) ? 'REMOVED'.length : 0
  const sizes = new Map([...versions].map(([id, vs]) => [id, nodeSize(vs, o, letters(id))]))
  const groups = o.groups ?? []
  const out: GraphLayout = { nodes: {}, edges: {}, groups: [], viewBox: { x: 0, y: 0, width: 0, height: 0 } }
  const m = METRICS

  if (!groups.length || joined(graph, groups)) {
    const part = runDagre(graph, sizes, o, groups, badged)
    const head = groups.length ? m.groupHead : 0
    shift(part, -part.bounds.left + (groups.length ? GROUP_PAD : 0), -part.bounds.top + head, out)
    for (const g of groups) {
      const b = bounds(g.nodes.map(id => out.nodes[id]).filter(Boolean))
      out.groups.push({ id: g.id, label: g.label, x: b.left - GROUP_PAD, y: b.top - head, width: b.right - b.left + 2 * GROUP_PAD, height: b.bottom - b.top + head + GROUP_PAD })
    }
  }
  else {
    // Separate graphs: each group on its own, then packed left to right in rows of at most maxWidth
    // (or top to bottom in columns of at most maxHeight).
    const columns = o.pack === 'columns'
    const limit = (columns ? o.maxHeight : o.maxWidth) ?? Infinity
    let x = 0
    let y = 0
    let across = 0
    for (const g of groups) {
      const ids = new Set(g.nodes)
      const sub = { nodes: graph.nodes.filter(n => ids.has(n.id)), edges: graph.edges.filter(e => ids.has(e.from) && ids.has(e.to)) }
      const part = runDagre(sub, sizes, o, [], badged)
      const inner = { width: part.bounds.right - part.bounds.left, height: part.bounds.bottom - part.bounds.top }
      const width = Math.max(inner.width, g.label.length * m.groupFont * 0.6) + 2 * GROUP_PAD
      const height = inner.height + m.groupHead + GROUP_PAD
      if (columns ? y > 0 && y + height > limit : x > 0 && x + width > limit) {
        if (columns)
          [x, y] = [x + across + GROUP_GAP, 0]
        else
          [x, y] = [0, y + across + GROUP_GAP]
        across = 0
      }
      shift(part, x + (width - inner.width) / 2 - part.bounds.left, y + m.groupHead - part.bounds.top, out)
      out.groups.push({ id: g.id, label: g.label, x, y, width, height })
      if (columns)
        y += height + GROUP_GAP
      else
        x += width + GROUP_GAP
      across = Math.max(across, columns ? width : height)
    }
  }
  const b = bounds([...Object.values(out.nodes), ...out.groups])
  out.viewBox = { x: b.left - 4, y: b.top - 4, width: b.right - b.left + 8, height: b.bottom - b.top + 8 }
  return out
}

/** Do two boxes overlap (touching edges do not count)? */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Does the segment p→q pass through the inside of box b (shrunk by `inset`)? */
export function segmentHitsBox(p: Point, q: Point, b: Box, inset = 1): boolean {
  const x0 = b.x + inset
  const y0 = b.y + inset
  const x1 = b.x + b.width - inset
  const y1 = b.y + b.height - inset
  // Liang–Barsky clipping: is any part of the segment inside the box?
  let t0 = 0
  let t1 = 1
  const dx = q.x - p.x
  const dy = q.y - p.y
  for (const [pp, qq] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
    if (pp === 0) {
      if (qq < 0)
        return false
      continue
    }
    const r = qq / pp
    if (pp < 0)
      t0 = Math.max(t0, r)
    else
      t1 = Math.min(t1, r)
    if (t0 > t1)
      return false
  }
  return true
}
