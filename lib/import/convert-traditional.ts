import { Converter } from "opencc-js/t2cn";

export type TraditionalVariant = "tw" | "hk";

/** Traditional-only share of Han characters above which a text counts as Traditional. */
const TRADITIONAL_RATIO = 0.04;
const MIN_TRADITIONAL_CHARS = 3;
/** Forms written in Hong Kong but not in Taiwan; they choose the OpenCC source locale. */
const HONG_KONG_FORMS = /[綫裏衞僞爲衆峯啓着]/g;

let characterConverter: ((text: string) => string) | undefined;
const phraseConverters = new Map<TraditionalVariant, (text: string) => string>();

function toSimplifiedCharacter(char: string): string {
  characterConverter ??= Converter({ from: "t", to: "cn" });
  return characterConverter(char);
}

export interface TraditionalDetection {
  isTraditional: boolean;
  variant: TraditionalVariant;
  ratio: number;
}

/** Counts Han characters that change under Traditional→Simplified conversion. */
export function detectTraditional(text: string): TraditionalDetection {
  const counts = new Map<string, number>();
  let hanTotal = 0;
  for (const char of text) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    hanTotal += 1;
    counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let traditional = 0;
  for (const [char, count] of counts) if (toSimplifiedCharacter(char) !== char) traditional += count;
  const ratio = hanTotal === 0 ? 0 : traditional / hanTotal;
  const hongKongForms = text.match(HONG_KONG_FORMS)?.length ?? 0;
  return {
    isTraditional: traditional >= MIN_TRADITIONAL_CHARS && ratio >= TRADITIONAL_RATIO,
    variant: hongKongForms > 2 ? "hk" : "tw",
    ratio,
  };
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
