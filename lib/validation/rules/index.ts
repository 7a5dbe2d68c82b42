import type { Rule } from "../types";
import { commitmentsRule } from "./commitments";
import { confusionWordsRule } from "./confusion-words";
import { datedTermsRule } from "./dated-terms";
import { docNumberBracketsRule } from "./doc-number-brackets";
import { dotFormsRule } from "./dot-forms";
import { doubledWordsRule } from "./doubled-words";
import { duplicateTextRule } from "./duplicate-text";
import { evidenceRule } from "./evidence";
import { fixedExpressionsRule } from "./fixed-expressions";
import { gangyaoCoverageRule } from "./gangyao-coverage";
import { headingNumeralsRule } from "./heading-numerals";
import { indicatorBoundsRule } from "./indicator-bounds";
import { indicatorRatesRule } from "./indicator-rates";
import { metaCompleteRule } from "./meta-complete";
import { openingRule } from "./opening";
import { paragraphEndingRule } from "./paragraph-ending";
import { paragraphNumberingRule } from "./paragraph-numbering";
import { pendingUpdatesRule } from "./pending-updates";
import { percentagesRule } from "./percentages";
import { personalDataRule } from "./personal-data";
import { problemCausesRule } from "./problem-causes";
import { punctuationDoubledRule } from "./punctuation-doubled";
import { punctuationPairsRule } from "./punctuation-pairs";
import { punctuationWidthRule } from "./punctuation-width";
import { reportYearRule } from "./report-year";
import { requiredIndicatorsRule } from "./required-indicators";
import { requiredPartsRule } from "./required-parts";
import { runInSequenceRule } from "./run-in-sequence";
import { similarToPreviousRule } from "./similar-to-previous";
import { sourceNumberingRule } from "./source-numbering";
import { staleFiguresRule } from "./stale-figures";
import { straySpacesRule } from "./stray-spaces";

/** Every rule, in the order of the checklist (completeness first, advice last). */
export const RULES: readonly Rule[] = [
  requiredPartsRule,
  metaCompleteRule,
  openingRule,
  requiredIndicatorsRule,
  problemCausesRule,
  headingNumeralsRule,
  sourceNumberingRule,
  paragraphNumberingRule,
  runInSequenceRule,
  reportYearRule,
  datedTermsRule,
  punctuationWidthRule,
  punctuationPairsRule,
  punctuationDoubledRule,
  paragraphEndingRule,
  docNumberBracketsRule,
  percentagesRule,
  indicatorBoundsRule,
  indicatorRatesRule,
  fixedExpressionsRule,
  confusionWordsRule,
  doubledWordsRule,
  duplicateTextRule,
  straySpacesRule,
  dotFormsRule,
  personalDataRule,
  similarToPreviousRule,
  staleFiguresRule,
  commitmentsRule,
  gangyaoCoverageRule,
  evidenceRule,
  pendingUpdatesRule,
];
