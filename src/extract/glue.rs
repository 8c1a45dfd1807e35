//! Table rows scraped from HTML with their cells glued together: the cell
//! boundaries were tags, and the text kept none of them.
//!
//! "Revenue$412 million$388 million+6%" is a row label and three cells;
//! "ItemQ2 2026 ReportedQ2 2025Change" is a header of a label column and three
//! column labels. The cuts fall where one cell's text ends and the next one's
//! begins: before a currency sign or an explicit plus/minus sign written right
//! after a word or number, after a number that runs into a capitalised word
//! ("0.61N/A"), and, in a header, where a lower-case letter runs into a capital
//! ("ReportedQ2"). Cells are slices of the line as written, so positions stay
//! those of the source. Nothing here decides what a cell means: a header whose
//! pieces are not all column labels, or a row whose cells do not fit the
//! header, is refused by the table reader.

/// Currency signs that open an amount cell.
const SIGNS: [char; 5] = ['$', '€', '£', '¥', '₩'];

/// Letters written before "$" as part of the sign ("US$", "HK$", "NT$").
const SIGN_PREFIXES: [&str; 3] = ["US", "HK", "NT"];

/// Byte offsets where a new cell starts in a glued row (not counting 0), each
/// with whether the cell it opens starts with a figure.
fn row_cuts(text: &str) -> Vec<(usize, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let words = &*crate::knowledge::tables::WORDS;
    let mut cuts: Vec<(usize, bool)> = Vec::new();
    for w in 1..chars.len() {
        let (at, c) = chars[w];
        let (_, prev) = chars[w - 1];
        let next = chars.get(w + 1).map(|&(_, n)| n);
        if prev.is_whitespace() || prev == '(' {
            continue;
        }
        let digit_next = next.is_some_and(|n| n.is_ascii_digit());
        let cut = if SIGNS.contains(&c) && digit_next {
            // "…millionUS$3.1": the cut goes before the sign's letters
            let before = &text[..at];
            match SIGN_PREFIXES
                .iter()
                .find(|p| before.ends_with(*p) && before.len() > p.len())
            {
                Some(p) => {
                    let start = at - p.len();
                    let lead = text[..start].chars().next_back();
                    // "EPS$1.20" is a label and an amount; "…millionUS$3.1" two cells;
                    // " HK$182" is written apart already: no glue
                    lead.is_some_and(|l| !(l.is_uppercase() || l.is_whitespace() || l == '('))
                        .then_some((start, true))
                }
                None => Some((at, true)),
            }
        } else if (c == '+' || c == '\u{2212}') && digit_next {
            Some((at, true))
        } else if (prev.is_ascii_digit() || prev == '%') && c.is_uppercase() {
            // "0.61N/A", "12%Flat"
            Some((at, false))
        } else if c.is_ascii_digit() && (prev == '%' || prev == ')') {
            // "54%51%", "(adj.)54%"
            Some((at, true))
        } else if c.is_ascii_digit() && prev.is_alphabetic() || c.is_ascii_digit() && prev == '/' {
            // "N/A54%": a figure after an empty cell
            let open = cuts.last().map_or(0, |&(a, _)| a);
            words
                .is_empty_cell(text[open..at].trim())
                .then_some((at, true))
        } else {
            None
        };
        if let Some(cut) = cut {
            if cuts.last().map(|&(a, _)| a) != Some(cut.0) {
                cuts.push(cut);
            }
        }
    }
    cuts
}

/// Byte offsets where a new column label starts in a glued header.
fn header_cuts(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts = Vec::new();
    for w in 1..chars.len() {
        let (at, c) = chars[w];
        let (_, prev) = chars[w - 1];
        if c.is_uppercase() && (prev.is_lowercase() || prev.is_ascii_digit() || prev == ')') {
            cuts.push(at);
        }
    }
    cuts
}

fn pieces<'a>(text: &'a str, cuts: &[usize]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut last = 0;
    for &c in cuts.iter().chain(std::iter::once(&text.len())) {
        let piece = &text[last..c];
        let lead = piece.len() - piece.trim_start().len();
        if !piece.trim().is_empty() {
            out.push((last + lead, piece.trim()));
        }
        last = c;
    }
    out
}

/// Whether a line reads as a table row with glued cells: at least two figures
/// written right after the text before them ("e$4", "n+6", ")54%", "N/A7"), and no sentence.
pub fn is_glued_row(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 300
        && !t.ends_with('.')
        && t.split_whitespace().count() <= 16
        && row_cuts(t)
            .iter()
            .filter(|&&(_, figure)| figure)
            .nth(1)
            .is_some()
}

/// The cells of a glued row (the label first), or None when the row is not glued.
pub fn row_cells(text: &str) -> Option<Vec<(usize, &str)>> {
    if !is_glued_row(text) {
        return None;
    }
    let cuts: Vec<usize> = row_cuts(text).into_iter().map(|(at, _)| at).collect();
    let cells = pieces(text, &cuts);
    (cells.len() >= 3).then_some(cells)
}

/// The labels of a glued header ("ItemQ2 2026 ReportedQ2 2025Change"), or None
/// when nothing is glued. Whether the labels are columns is the caller's call.
pub fn header_labels(text: &str) -> Option<Vec<(usize, &str)>> {
    let t = text.trim_end();
    if t.ends_with('.') || t.split_whitespace().count() > 16 {
        return None;
    }
    let cuts = header_cuts(t);
    (cuts.len() >= 2).then(|| pieces(t, &cuts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: Option<Vec<(usize, &str)>>) -> Vec<&str> {
        v.unwrap_or_default().into_iter().map(|(_, c)| c).collect()
    }

    #[test]
    fn a_glued_row_splits_into_label_and_cells() {
        assert_eq!(
            texts(row_cells("Net sales$412 million$388 million+6%")),
            vec!["Net sales", "$412 million", "$388 million", "+6%"]
        );
        assert_eq!(
            texts(row_cells("Diluted EPS$0.61N/A$0.44+39%")),
            vec!["Diluted EPS", "$0.61", "N/A", "$0.44", "+39%"]
        );
        // percents glued to a bracketed qualifier, to an empty cell, to a direction word
        assert_eq!(
            texts(row_cells("Operating margin (adj.)21%N/A19%Up")),
            vec!["Operating margin (adj.)", "21%", "N/A", "19%", "Up"]
        );
        // the letters of "US$" stay with their sign
        assert_eq!(
            texts(row_cells("Orders backlogUS$3.1 billionUS$2.7 billion")),
            vec!["Orders backlog", "US$3.1 billion", "US$2.7 billion"]
        );
    }

    #[test]
    fn cells_keep_their_place_in_the_line() {
        let line = "Net sales$412 million$388 million+6%";
        for (at, cell) in row_cells(line).expect("glued") {
            assert_eq!(&line[at..at + cell.len()], cell);
        }
    }

    #[test]
    fn prose_and_spaced_rows_are_not_glued() {
        // a sign's letters written apart from the word before
        assert!(row_cells("Target: HK$182 (from HK$165)").is_none());
        assert!(row_cells("Sales rose to $412 million from $388 million, up 6%.").is_none());
        assert!(row_cells("Net sales  $412  $388  +6%").is_none());
        // one glued amount is a typo, not a table
        assert!(row_cells("Net sales were$412 million").is_none());
    }

    #[test]
    fn a_glued_header_splits_at_case_changes() {
        assert_eq!(
            texts(header_labels("ItemQ2 2026 ReportedConsensusQ2 2025Change")),
            vec!["Item", "Q2 2026 Reported", "Consensus", "Q2 2025", "Change"]
        );
        assert!(header_labels("Quarterly results at a glance").is_none());
    }
}
