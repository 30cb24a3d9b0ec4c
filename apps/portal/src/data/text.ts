import { z } from 'zod';

/** Content in Chinese and, where translated, English (the API's LocalizedText). */
export const Text = z.object({ zh: z.string(), en: z.string().nullable() });
export type Text = z.infer<typeof Text>;

export const TextList = z.object({ zh: z.array(z.string()), en: z.array(z.string()).nullable() });
export type TextList = z.infer<typeof TextList>;

/** GraphQL selection for {@link Text}. */
export const TEXT = '{ zh en }';
