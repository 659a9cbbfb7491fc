import { z } from 'zod';

export const PreviewTemplateSchema = z
  .object({ data: z.record(z.string(), z.unknown()).default({}) })
  .strict();

export const RenderedTemplateSchema = z.object({
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
});
