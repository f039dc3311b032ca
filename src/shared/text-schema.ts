import { z } from 'zod';
import type { Text, TextParam } from './text';

const MAX_DEPTH = 4;
const paramSchema = (depth: number): z.ZodType<TextParam> =>
  depth >= MAX_DEPTH
    ? z.union([z.string(), z.number(), z.boolean()])
    : z.union([z.string(), z.number(), z.boolean(), z.lazy(() => textSchemaAt(depth + 1))]);
const textSchemaAt = (depth: number): z.ZodType<Text> =>
  z.object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/),
    params: z.record(z.string(), paramSchema(depth)).optional(),
  });

/** A text as it crosses IPC: ids of a known shape, nesting bounded. */
export const textSchema: z.ZodType<Text> = textSchemaAt(0);
