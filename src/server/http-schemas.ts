import { z } from 'zod';

/** One problem with one request field, as every 400 answer lists them. */
export const HttpIssue = z
  .object({
    path: z
      .string()
      .meta({ description: 'full path of the field', example: 'body.company.sites.0.interconnectMw' }),
    message: z.string().meta({ example: 'Too small: expected number to be >0' }),
    value: z.unknown().optional().meta({ description: 'the offending value, when it is a scalar' }),
    line: z
      .number()
      .int()
      .optional()
      .meta({ description: 'for CSV text fields: 1-based line of the bad cell' }),
    column: z.number().int().optional().meta({ description: 'for CSV text fields: 1-based column' }),
  })
  .meta({ id: 'Issue' });
export type HttpIssue = z.infer<typeof HttpIssue>;

/** The body of every error answer (400, 401, 404, 413, 500...). */
export const ErrorBody = z
  .object({
    error: z.string().meta({ description: 'what went wrong, in a few words', example: 'invalid input' }),
    issues: z.array(HttpIssue).optional().meta({ description: 'for 400: one entry per bad field' }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.object({ id: z.string().min(1).max(200).meta({ description: 'resource id' }) });
export type IdParams = z.infer<typeof IdParams>;

/** Error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorBody.meta({ description: 'invalid input: one issue per bad field' }),
  401: ErrorBody.meta({ description: 'a write without the bearer token the server requires' }),
  413: ErrorBody.meta({ description: 'body over the size limit' }),
} as const;
