import { z } from 'zod';
import { safeString, uuid } from '../../domain/fields.ts';

const body = safeString({ multiLine: true })
  .transform((v) => v.replace(/\r\n/g, '\n'))
  .pipe(
    z
      .string()
      .trim()
  .min(1, { error: 'La nota è vuota (note is empty)' })
      .max(10_000, { error: 'Nota troppo lunga, massimo 10000 caratteri (note too long)' }),
  );

export const CreateNoteInput = z.object({ debtorId: uuid, claimId: uuid.nullish(), body }).strict();
export const UpdateNoteInput = z.object({ body, version: z.number().int().optional() }).strict();

export const NoteView = z.object({
  id: z.uuid(),
  debtorId: z.uuid(),
  claimId: z.uuid().nullable(),
  body: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof NoteView>;
