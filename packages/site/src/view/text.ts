/** Content in Chinese and, where translated, English (the API's `LocalizedText`). */
export interface Text {
  zh: string;
  en: string | null;
}

/** A list in Chinese and, where translated, English (materials, steps). */
export interface TextList {
  zh: string[];
  en: string[] | null;
}
