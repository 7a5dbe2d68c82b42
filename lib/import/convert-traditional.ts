import { Converter } from "opencc-js/t2cn";

export type TraditionalVariant = "tw" | "hk";

/** Traditional-only share of Han characters above which a text counts as Traditional. */
const TRADITIONAL_RATIO = 0.04;
const MIN_TRADITIONAL_CHARS = 3;
/** Forms written in Hong Kong but not in Taiwan; they choose the OpenCC source locale. */
const HONG_KONG_FORMS = /[綫裏衞僞爲衆峯啓着]/g;

let characterConverter: ((text: string) => string) | undefined;
const phraseConverters = new Map<TraditionalVariant, (text: string) => string>();

/** Per character: does it change under conversion? Cached for the process (a few thousand Han characters at most). */
const changesUnderConversion = new Map<string, boolean>();

function isTraditionalCharacter(char: string): boolean {
  let changes = changesUnderConversion.get(char);
  if (changes === undefined) {
    characterConverter ??= Converter({ from: "t", to: "cn" });
    changes = characterConverter(char) !== char;
    if (changesUnderConversion.size < 50_000) changesUnderConversion.set(char, changes);
  }
  return changes;
}

export interface TraditionalDetection {
  isTraditional: boolean;
  variant: TraditionalVariant;
  ratio: number;
}

/** Counts Han characters that change under Traditional→Simplified conversion. */
export function detectTraditional(text: string): TraditionalDetection {
  // Char codes, not a Unicode regex per character: this runs on every import and is linear in the text.
  const counts = new Map<number, number>();
  let hanTotal = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (!isHanCode(code)) continue;
    hanTotal += 1;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let traditional = 0;
  for (const [code, count] of counts) if (isTraditionalCharacter(String.fromCharCode(code))) traditional += count;
  const ratio = hanTotal === 0 ? 0 : traditional / hanTotal;
  const hongKongForms = text.match(HONG_KONG_FORMS)?.length ?? 0;
  return {
    isTraditional: traditional >= MIN_TRADITIONAL_CHARS && ratio >= TRADITIONAL_RATIO,
    variant: hongKongForms > 2 ? "hk" : "tw",
    ratio,
  };
}

/** CJK Unified Ideographs, Extension A and Compatibility Ideographs (the planes where Traditional forms differ). */
function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Phrase-aware Traditional→Simplified conversion (OpenCC segmentation, then character mapping). */
export function getSimplifier(variant: TraditionalVariant): (text: string) => string {
  let converter = phraseConverters.get(variant);
  if (!converter) {
    converter = Converter({ from: variant, to: "cn" });
    phraseConverters.set(variant, converter);
  }
  return converter;
}
