import type { VitestReport } from '../vitest-reporter'
import type { TypeErrors } from './type-check'

// Messages between the TypeScript track (client.ts) and its warm checker process (server.ts), over
// Node's IPC channel.

export interface CheckRequest {
  id: number
  /** The check file, absolute. */
  checkFile: string
  /** The learner's file, absolute: type-checked, and invalidated in Vitest's module cache. */
  learnerFile: string
}

export type CheckerMessage
  = | { type: 'ready' }
    | { type: 'started', id: number } // the checks begin loading: the learner's time limit runs from here
    | { type: 'answer', id: number, report?: VitestReport, crash?: string, typeErrors?: TypeErrors, stdout: string, stderr: string }
