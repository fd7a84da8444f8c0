// Which TypeScript exercises the deck's workshop page can check in the browser: all of them. An exercise
// that only the CLI could check would be listed here, with the reason the page shows. (Exercise 06 runs
// its model in ONNX Runtime for the web there, in place of ONNX Runtime for Node: exercise-modules.ts.)
export const CLI_ONLY: Record<string, string> = {}

export function runsInBrowser(id: string, track: string): boolean {
  return track === 'ts' && !(id in CLI_ONLY)
}
