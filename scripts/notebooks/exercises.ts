// Prints, as JSON, the Python exercises and where their files are, as the runner itself finds them
// (its manifest check and exerciseFile()), so the notebook generator follows any move of the files
// (the solutions' own folder, say) without an edit of its own.
import { join } from 'node:path'
import process from 'node:process'
import { loadManifest } from '../../workshop/manifest'
import { workshopPaths } from '../../workshop/paths'
import { exerciseFile } from '../../workshop/workspace'

const paths = workshopPaths()
const exercises = loadManifest(paths)
  .filter(exercise => exercise.track === 'py')
  .map(exercise => ({
    id: exercise.id,
    title: exercise.title,
    hints: exercise.hints,
    readme: join(paths.exercisesDir, exercise.id, 'README.md'),
    starter: exerciseFile(paths, exercise, 'starter'),
    solution: exerciseFile(paths, exercise, 'solution'),
    checks: exerciseFile(paths, exercise, 'checks'),
  }))
process.stdout.write(`${JSON.stringify({ root: paths.root, exercises }, null, 2)}\n`)
