// Which TypeScript exercises the deck's workshop page can check in the browser: all of them. An exercise
// that only the CLI could check would be listed here, with the reason the page shows. (Exercise 06 runs
// its model in ONNX Runtime for the web there, in place of ONNX Runtime for Node: exercise-modules.ts.)
export const CLI_ONLY: Record<string, string> = {}

export function runsInBrowser(id: string, track: string): boolean {
  return track === 'ts' && !(id in CLI_ONLY)
}

/**
 * The exercises whose code imports packages beyond the engine (06: ONNX Runtime, onnx-proto), which
 * the page's worker provides (exercise-modules.ts) and its editor knows the types of (monaco-setup.ts).
 * Here, apart from the loading, so the page's own bundle holds no copy of them.
 */
const WITH_PACKAGES = new Set(['06-onnx-export'])

export const needsModules = (id: string): boolean => WITH_PACKAGES.has(id)
