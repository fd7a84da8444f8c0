import type { Session } from '../session'
import { formatList } from '../report'

export function listCommand(session: Session): number {
  console.log(formatList(session))
  return 0
}
