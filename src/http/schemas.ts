import { z } from 'zod';

export const IdParams = z.object({ id: z.string().max(64) });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** An error answer: `message` in the reader's language, `messageCode` + `params` for clients that word it themselves. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageCode: z.string(),
    params: MessageParams,
    fields: z.array(z.object({ path: z.string(), message: z.string(), messageCode: z.string(), params: MessageParams })),
    requestId: z.string().optional(),
  }),
});

/** Standard error responses, for the OpenAPI document. */
export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
