/** A problem with a project folder the person can act on (the CLI prints its message, the API gives it a code). */
export class ProjectError extends Error {
  constructor(
    /** `outside`: a path of the project leads out of its folder (a `..` path or a symbolic link). */
    readonly code: 'not-a-project' | 'exists' | 'not-found' | 'invalid' | 'outside',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectError';
  }
}
