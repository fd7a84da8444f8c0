// Errors that teach: each names the op and the shapes or names involved.
import { describe, expect, it } from 'vitest'
import { EngineError, Graph, Session, tensor } from '../../../engine'

const m23 = () => tensor([[1, 2, 3], [4, 5, 6]])

function message(fn: () => unknown): string {
  try {
    fn()
  }
  catch (e) {
    expect(e).toBeInstanceOf(EngineError)
    return (e as Error).message
  }
  throw new Error('expected an EngineError')
}

describe('engine errors', () => {
  it('matmul shape mismatch names the op and both shapes (eager and static)', () => {
    expect(message(() => m23().matmul(m23()))).toMatch(/^matmul: cannot multiply \[2,3\] by \[2,3\]/)
    const g = new Graph()
    expect(message(() => g.matmul(g.placeholder('a', [null, 3]), g.placeholder('b', [2, 3])))).toMatch(/^matmul: cannot multiply \[\?,3\] by \[2,3\]/)
  })

  it('broadcast mismatch names the op and both shapes', () => {
    expect(message(() => m23().add(tensor([1, 2])))).toBe('add: cannot broadcast [2,3] with [2] (dimension 3 vs 2)')
    const g = new Graph()
    expect(message(() => g.mul(g.constant([[1, 2, 3]]), g.constant([1, 2])))).toMatch(/^mul: cannot broadcast \[1,3\] with \[2\]/)
  })

  it('a missing feed names the placeholder', () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    expect(message(() => new Session(g).run(g.sum(x)))).toMatch(/missing feed for placeholder 'x' \(shape \[\?,3\]\)/)
  })

  it('a feed of the wrong shape names the placeholder, expected and got', () => {
    const g = new Graph()
    const x = g.placeholder('x', [null, 3])
    expect(message(() => new Session(g).run(x, { x: [[1, 2]] }))).toBe('feed for placeholder \'x\' has shape [1,2], expected [?,3]')
  })

  it('an unknown feed and an unknown fetch are named', () => {
    const g = new Graph()
    const x = g.placeholder('x', [2])
    expect(message(() => new Session(g).run(x, { x: [1, 2], z: [1] }))).toMatch(/feed 'z' names no placeholder/)
    expect(message(() => new Session(g).run('nope'))).toMatch(/unknown fetch 'nope'/)
    const other = new Graph().constant(1)
    expect(message(() => new Session(g).run(other))).toMatch(/unknown fetch n1 \(1\): it belongs to another graph/)
  })

  it('backward() on a non-scalar without a gradient says what to do', () => {
    const y = tensor([1, 2, 3], { requiresGrad: true }).mul(2)
    expect(message(() => y.backward())).toMatch(/backward: \w+ has shape \[3\]; call backward\(\) on a scalar \(e\.g\. y\.sum\(\)\), or pass a gradient of shape \[3\]/)
    expect(message(() => y.backward([1, 2]))).toMatch(/the gradient has shape \[2\] but \w+ has shape \[3\]/)
    expect(message(() => tensor(1).backward())).toMatch(/does not require grad/)
  })

  it('item() on a multi-element tensor', () => {
    expect(message(() => m23().item())).toBe('item: only a one-element tensor converts to a number; this one has shape [2,3] (6 elements)')
  })

  it('other mistakes: ragged data, bad axis, bad reshape, nodes from another graph', () => {
    expect(message(() => tensor([[1, 2], [3]]))).toMatch(/ragged data at \[1\]/)
    expect(message(() => m23().sum(2))).toBe('sum: axis 2 is out of range for shape [2,3]')
    expect(message(() => m23().reshape([4]))).toMatch(/reshape: cannot reshape \[2,3\] to \[4\]/)
    const g1 = new Graph()
    const g2 = new Graph()
    expect(message(() => g2.add(g1.constant(1), 2))).toMatch(/belongs to another graph/)
  })
})
