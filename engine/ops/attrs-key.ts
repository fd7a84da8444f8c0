/**
 * A key for plain JSON attrs with sorted object keys, so equal attrs give equal keys; null when
 * attrs hold something that is not plain data (a subgraph, say): such a node is treated as opaque.
 */
export function attrsKey(attrs: unknown): string | null {
  if (attrs === undefined)
    return 'u'
  if (attrs === null || typeof attrs === 'number' || typeof attrs === 'string' || typeof attrs === 'boolean')
    return JSON.stringify(attrs)
  if (Array.isArray(attrs)) {
    const parts = attrs.map(attrsKey)
    return parts.includes(null) ? null : `[${parts.join(',')}]`
  }
  if (typeof attrs === 'object' && Object.getPrototypeOf(attrs) === Object.prototype) {
    const parts: string[] = []
    for (const k of Object.keys(attrs).sort()) {
      const raw = (attrs as Record<string, unknown>)[k]
      if (raw === undefined)
        continue // { axis: undefined } means the same as {}
      const v = attrsKey(raw)
      if (v === null)
        return null
      parts.push(`${JSON.stringify(k)}:${v}`)
    }
    return `{${parts.join(',')}}`
  }
  return null
}

/** attrsKey for attrs that may hold subgraphs (cond's branches): those are told apart by identity. */
export function attrsKeyOf(attrs: object): string {
  const branches: unknown[] = []
  const plain = Object.fromEntries(Object.entries(attrs).map(([k, v]) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)
      return [k, v]
    branches.push(v)
    return [k, `#subgraph`]
  }))
  return `${attrsKey(plain)}${branches.length ? `#${branches.length}` : ''}`
}
