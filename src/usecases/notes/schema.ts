import { z } from 'zod';
import { safeString, uuid } from '../../domain/fields.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

const body = safeString({ multiLine: true })
  .transform((v) => v.replace(/\r\n/g, '\n'))
  .pipe(
    z
      .string()
      .trim()
      .min(1, { error: encodeMessage(msg('records.note_empty')) })
      .max(10_000, { error: encodeMessage(msg('records.note_too_long', { max: 10_000 })) }),
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
