import { DomainError } from '../errors.ts';
import { formatIssue } from '../validation/zod-issues.ts';
import { profileSchema, type Profile } from './profile.schema.ts';

/** Validates an already-decoded profile value; throws `profile.invalid` naming every bad field. */
export function parseProfile(value: unknown): Profile {
  const result = profileSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(formatIssue);
  const first = result.error.issues[0];
  throw new DomainError('profile.invalid', `invalid profile: ${problems.join('; ')}`, {
    path: first === undefined ? undefined : first.path.join('.'),
    details: problems,
  });
}
