// Which TypeScript exercises the deck's workshop page can check in the browser. Exercise 06 runs the
// exported model in ONNX Runtime for Node (onnxruntime-node, a native module) and reads protobufs with
// protobufjs: neither runs in a Web Worker, so that one stays with the CLI.
export const CLI_ONLY: Record<string, string> = {
  '06-onnx-export': 'It runs your exported model in ONNX Runtime for Node, which a browser cannot load. Do this one with the CLI: npm run workshop -- 06.',
}

export function runsInBrowser(id: string, track: string): boolean {
  return track === 'ts' && !(id in CLI_ONLY)
}
