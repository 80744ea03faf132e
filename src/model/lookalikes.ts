/**
 * Cyrillic and Greek letters that look like a Latin letter, each with the Latin letter it looks
 * like. Drawn from the Latin/Cyrillic/Greek entries of Unicode's confusables.txt (the data of
 * Unicode Technical Standard #39, "Unicode Security Mechanisms", section 4 "Confusable
 * Detection"), restricted to letters that pass for one Latin letter in a name, and folded to that
 * letter as a reader sees it (confusables.txt itself maps I, l and 1 to one prototype, which for
 * names would merge Ivan and lvan).
 */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic capitals
  "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041A": "K", "\u041C": "M", "\u041D": "H", "\u041E": "O",
  "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0423": "Y", "\u0425": "X", "\u0405": "S", "\u0406": "I",
  "\u0408": "J", "\u04AE": "Y", "\u04BA": "H", "\u04C0": "I", "\u051A": "Q", "\u051C": "W", "\u0400": "\u00C8", "\u0401": "\u00CB",
  // Cyrillic small letters
  "\u0430": "a", "\u0435": "e", "\u043E": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
  "\u0455": "s", "\u0456": "i", "\u0458": "j", "\u04BB": "h", "\u0501": "d", "\u051B": "q", "\u051D": "w",
  "\u04AF": "y", "\u0450": "\u00E8", "\u0451": "\u00EB", "\u0457": "\u00EF",
  // Greek capitals
  "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039A": "K",
  "\u039C": "M", "\u039D": "N", "\u039F": "O", "\u03A1": "P", "\u03A4": "T", "\u03A5": "Y", "\u03A7": "X",
  // Greek small letters
  "\u03BF": "o", "\u03B9": "i", "\u03BD": "v", "\u03C1": "p", "\u03C5": "u", "\u03B1": "a",
};

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /^\p{Script=Latin}$/u;

/**
 * A name with every word that is written wholly in Latin letters and look-alikes turned into Latin
 * letters (a confusables skeleton, as in UTS #39, of the words that can pass for Latin). A word
 * with any other letter is a word of another script and stays as it is: "Ерлан" is not "Epлaн".
 */
export function foldLookalikes(name: string): string {
  return name.replace(WORD, (word) => {
    let folded = "";
    for (const letter of word) {
      const latin = LOOKALIKES[letter] ?? (LATIN.test(letter) || /\p{M}/u.test(letter) ? letter : undefined);
      if (latin === undefined) return word;
      folded += latin;
    }
    return folded;
  });
}
