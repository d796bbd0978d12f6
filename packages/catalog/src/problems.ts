/** One thing wrong with a catalogue file, printed as `file:path: message`. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
  readonly line?: number | undefined;
}

/** Renders a problem as one line; the line number, when known, follows the message. */
export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? problem.file : `${problem.file}:${problem.path}`;
  return `${where}: ${problem.message}${problem.line === undefined ? '' : ` (line ${problem.line})`}`;
}
