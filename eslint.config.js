// @antfu/eslint-config's helpers call Object.groupBy, which Node 20 lacks (it arrived in Node 21).
// The kit supports Node 20, so fill it in before the config loads.
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const groups = Object.create(null)
    let i = 0
    for (const item of items)
      (groups[key(item, i++)] ??= []).push(item)
    return groups
  }
}

const { default: antfu } = await import('@antfu/eslint-config')

export default antfu({
  vue: true,
  typescript: true,
  markdown: false,
  ignores: ['dist/**', 'exports/**', '.venv/**', 'bench/results.*', 'bench/.tmp/**', 'tests/fixtures/*.json', '**/*.md', '**/*.py'],
}, {
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
  },
})
