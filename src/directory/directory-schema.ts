import { z } from 'zod';
import type { Directory } from '../domain/directory';

const person = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  email: z.email(),
  aadObjectId: z.string().min(1).max(64),
  roles: z.array(z.string().min(1).max(40)).min(1),
  estates: z.array(z.string().min(1).max(80)),
  managerId: z.string().min(1).max(64).nullable(),
}).strict();

const directorySchema = z.object({
  estates: z.array(z.string().min(1).max(80)).min(1),
  people: z.array(person).min(1),
}).strict().superRefine((dir, ctx) => {
  const ids = new Set<string>();
  const objectIds = new Set<string>();
  dir.people.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `duplicate id "${p.id}"` });
    if (objectIds.has(p.aadObjectId.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['people', i, 'aadObjectId'], message: `duplicate aadObjectId "${p.aadObjectId}"` });
    ids.add(p.id);
    objectIds.add(p.aadObjectId.toLowerCase());
  });
  dir.people.forEach((p, i) => {
    if (p.managerId && !ids.has(p.managerId)) ctx.addIssue({ code: 'custom', path: ['people', i, 'managerId'], message: `no person with id "${p.managerId}"` });
    for (const e of p.estates) {
      if (e !== '*' && !dir.estates.includes(e)) ctx.addIssue({ code: 'custom', path: ['people', i, 'estates'], message: `"${e}" is not in the estates list` });
    }
  });
});

export type DirectoryParse = { ok: true; directory: Directory } | { ok: false; errors: string[] };

export function parseDirectory(data: unknown): DirectoryParse {
  const parsed = directorySchema.safeParse(data);
  if (parsed.success) return { ok: true, directory: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(directory)'}: ${i.message}`) };
}
