// The other side of exercise 12: load an .onnx file in Node with onnxruntime-node and run it. No Python,
// no PyTorch — only the file. Prints the output as JSON for the Python check to compare.
// Usage: npx tsx exercises/12-onnx-roundtrip/load-in-node.ts model.onnx '[[0.1, 0.2, 0.3, 0.4], ...]'
import process from 'node:process'
import * as ort from 'onnxruntime-node'

const [modelPath, inputJson] = process.argv.slice(2)
if (!modelPath || !inputJson) {
  console.error('usage: load-in-node.ts <model.onnx> <rows as JSON>')
  process.exit(2)
}
const rows = JSON.parse(inputJson) as number[][]
// eslint-disable-next-line antfu/no-top-level-await -- a one-shot script, run with tsx as an ES module
const session = await ort.InferenceSession.create(modelPath)
const [inputName] = session.inputNames
const [outputName] = session.outputNames
const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, rows[0].length])
// eslint-disable-next-line antfu/no-top-level-await -- as above
const result = await session.run({ [inputName]: input })
const output = result[outputName]
console.log(JSON.stringify({ inputName, outputName, dims: output.dims, data: Array.from(output.data as Float32Array) }))
