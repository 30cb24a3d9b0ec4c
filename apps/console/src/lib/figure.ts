/** A figure as typed (`1,234`, `95.5`, full-width `９８`) as a number, or null when it is not one. */
export function parseFigure(typed: string): number | null {
  const plain = typed.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}
