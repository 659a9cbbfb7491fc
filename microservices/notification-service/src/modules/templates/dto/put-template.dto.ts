import { z } from 'zod';

/** A tenant's wording: Liquid sources. Email and push need a subject; only email takes HTML. */
export const PutTemplateSchema = z
  .object({
    subject: z.string().trim().min(1).max(300).nullable().optional(),
    text: z.string().trim().min(1).max(10_000),
    html: z.string().trim().min(1).max(100_000).nullable().optional(),
  })
  .strict();
export type PutTemplate = z.infer<typeof PutTemplateSchema>;
