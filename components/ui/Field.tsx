// Data inside interface sentences. A translated sentence may carry user data (a unit's name, a
// person's name, a comment typed by someone): the data is marked translate="no" (it stays as typed,
// and is not interface text to be translated). Use `dataMark(i)` as the placeholder's value in `t()`,
// then <WithData text={…} values={[…]} />.
import { Fragment, type ReactNode } from "react";

const SEP = "\u2063";

/** The placeholder value for the i-th datum of a sentence. */
export const dataMark = (i: number): string => `${SEP}${i}${SEP}`;

export function WithData({ text, values }: { text: string; values: ReactNode[] }) {
  const parts = text.split(SEP);
  // parts alternate: text, index, text, index, …
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 0 ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <span key={i} translate="no">
            {values[Number(p)]}
          </span>
        ),
      )}
    </>
  );
}
