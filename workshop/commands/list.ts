import type { Session } from '../session'
import { formatList } from '../report'
import { say } from '../screen'

export function listCommand(session: Session): number {
  say(formatList(session))
  return 0
}
