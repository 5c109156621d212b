/** An extract's columns as the checks see them: their kind and rules, and what a check is. */
import type { ColumnKind } from '../../schemas/extracts.ts';
import type { MessageKey } from '../i18n/index.ts';

export interface SpecColumn {
  name: string;
  kind: ColumnKind;
  optional: boolean;
  aliases: string[];
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  /** A closed code list: any other value is rejected. */
  codes?: string[];
  openCodes: boolean;
  /** An open code column's usual values: other spellings of them are folded to them. */
  examples?: string[];
  /** The max is a plausibility bound, not a rule of the extract: what it bounds (a message key). */
  plausible?: MessageKey;
  pattern?: string;
  cprWhen?: string;
}

export interface ColumnCheck {
  column: string;
  rule: string;
  message: string;
  /** SQL over the parsed row (`v_<col>` raw text, `<col>` typed) that is TRUE on a violation. */
  violatedWhen: string;
}
