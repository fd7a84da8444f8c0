import type { ExpectStatic } from '@vitest/expect'
import { ASYMMETRIC_MATCHERS_OBJECT, ChaiStyleAssertions, getState, GLOBAL_EXPECT, JestAsymmetricMatchers, JestChaiExpect, JestExtend, setState } from '@vitest/expect'
import * as chai from 'chai'

// Vitest's own `expect` (the Jest matchers as a Chai plugin, @vitest/expect), assembled as Vitest does
// it, minus snapshots and polling, which the checks do not use. The browser's check runner gives it to
// the exercises' check files, so `expect(x, 'label').toEqual(y)` fails with the very words the CLI shows.

chai.use(JestExtend)
chai.use(JestChaiExpect)
chai.use(ChaiStyleAssertions)
chai.use(JestAsymmetricMatchers)

function createExpect(): ExpectStatic {
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect)
    setState({ assertionCalls: assertionCalls + 1 }, expect)
    return chai.expect(value, message)
  }) as unknown as ExpectStatic
  Object.assign(expect, chai.expect)
  Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT])
  expect.getState = () => getState(expect)
  expect.setState = state => setState(state, expect)
  setState({ assertionCalls: 0, isExpectingAssertions: false, isExpectingAssertionsError: null, expectedAssertionsNumber: null, expectedAssertionsNumberErrorGen: null }, expect)
  expect.assert = chai.assert
  // The matchers look the current expect up on globalThis, as under Vitest.
  Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: expect, writable: true, configurable: true })
  return expect
}

export const expect = createExpect()
