// The form a member's name is unique in: "Ana", "ANA" and "ana" are one member, and so are
// "Łukasz" and "łukasz" (SQLite's NOCASE folds ASCII only), and a name typed with a combining
// accent is the same as one typed precomposed.
export function memberNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase()
}
