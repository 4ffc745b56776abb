/** The file of a file: DATABASE_URL (with or without query parameters). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0]!;
}
