/**
 * Text as a search compares it: lower case, without the Vietnamese tone and vowel marks, and
 * `đ` as `d`, so "hoi cho" finds "Hội chợ". NFD splits a marked letter into its base and its
 * combining marks; `đ` is a letter of its own, not a marked `d`, so it is mapped apart.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
