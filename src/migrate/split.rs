//! Splits a migration file into statements the way psql does before sending them: a `;`
//! ends a statement only outside quotes ('…', E'…', "…", $tag$…$tag$), comments (`--`,
//! nested `/* */`), parentheses and the `BEGIN … END` body of a `CREATE FUNCTION|PROCEDURE …
//! BEGIN ATOMIC`. Each statement keeps its byte range in the file, so a server error position
//! becomes a line number in the file.

use std::fmt;

/// One statement of a file: `text[start..end]`, without the `;`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statement {
    /// Byte offset of its first significant character (leading comments and blanks skipped).
    pub start: usize,
    /// Byte offset just past its last character (the `;` excluded).
    pub end: usize,
    /// Line of `start` in the file, from 1.
    pub line: usize,
}

impl Statement {
    pub fn text<'a>(&self, file: &'a str) -> &'a str {
        &file[self.start..self.end]
    }

    /// The line in the file of a server error position (1-based, in characters of the
    /// statement text as PostgreSQL counts them).
    pub fn line_at(&self, file: &str, position: u32) -> usize {
        let text = self.text(file);
        let chars = (position as usize).saturating_sub(1);
        let byte = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(b, _)| b);
        line_of(file, self.start + byte)
    }

    /// The first word, lower-cased (`create`, `begin`, …).
    pub fn first_word(&self, file: &str) -> String {
        self.text(file)
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase()
    }
}

/// A file that cannot be split: an unterminated quote or comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub line: usize,
    pub what: &'static str,
}

impl fmt::Display for SplitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {} is never closed", self.line, self.what)
    }
}

impl std::error::Error for SplitError {}

/// The line (from 1) of a byte offset.
pub fn line_of(text: &str, byte: usize) -> usize {
    // n newlines make n + 1 pieces.
    text.as_bytes()[..byte.min(text.len())]
        .split(|&b| b == b'\n')
        .count()
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

/// Per-statement state of psql's heuristic for `CREATE FUNCTION … BEGIN ATOMIC … END`.
#[derive(Default)]
struct Words {
    count: usize,
    first: [u8; 4],
    begin_depth: usize,
}

impl Words {
    /// As psqlscan.l: only in `CREATE [OR REPLACE] FUNCTION|PROCEDURE` and outside
    /// parentheses do BEGIN/CASE … END nest.
    fn word(&mut self, word: &str, paren_depth: usize) {
        let w = word.to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "create" | "function" | "procedure" | "or" | "replace"
        ) && self.count < self.first.len()
        {
            self.first[self.count] = w.as_bytes()[0];
        }
        self.count += 1;
        let f = self.first;
        let in_routine = f[0] == b'c'
            && (f[1] == b'f'
                || f[1] == b'p'
                || (f[1] == b'o' && f[2] == b'r' && (f[3] == b'f' || f[3] == b'p')));
        if in_routine && paren_depth == 0 {
            match w.as_str() {
                "begin" => self.begin_depth += 1,
                "case" if self.begin_depth >= 1 => self.begin_depth += 1,
                "end" => self.begin_depth = self.begin_depth.saturating_sub(1),
                _ => {}
            }
        }
    }
}

/// Splits `text` into statements; blank or comment-only pieces are dropped.
// A hand-written lexer reads best with the conventional short names (b, n, i, c).
#[allow(clippy::many_single_char_names)]
pub fn split(text: &str) -> Result<Vec<Statement>, SplitError> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut start: Option<usize> = None;
    let mut last_end = 0; // end of the last significant token
    let mut paren = 0usize;
    let mut words = Words::default();
    let err = |at: usize, what| SplitError {
        line: line_of(text, at),
        what,
    };
    while i < n {
        let c = b[i];
        let prev_ident = i > 0 && is_ident(b[i - 1]);
        // Comments and blanks do not start a statement.
        if c == b'-' && b.get(i + 1) == Some(&b'-') {
            while i < n && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let open = i;
            let mut depth = 0usize;
            loop {
                if i + 1 >= n {
                    return Err(err(open, "a /* comment"));
                }
                if b[i] == b'/' && b[i + 1] == b'*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b[i + 1] == b'/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b';' && paren == 0 && words.begin_depth == 0 {
            if let Some(s) = start.take() {
                out.push(Statement {
                    start: s,
                    end: last_end,
                    line: line_of(text, s),
                });
            }
            paren = 0;
            words = Words::default();
            i += 1;
            continue;
        }
        let token = i;
        start.get_or_insert(token);
        match c {
            b'\'' => {
                // E'…' takes backslash escapes; elsewhere a backslash is an ordinary character
                // (standard_conforming_strings).
                let escapes =
                    i > 0 && matches!(b[i - 1], b'e' | b'E') && (i < 2 || !is_ident(b[i - 2]));
                i += 1;
                loop {
                    if i >= n {
                        return Err(err(token, "a quoted string"));
                    }
                    match b[i] {
                        b'\\' if escapes => i += 2,
                        b'\'' if b.get(i + 1) == Some(&b'\'') => i += 2,
                        b'\'' => {
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
            }
            b'"' => {
                i += 1;
                loop {
                    if i >= n {
                        return Err(err(token, "a quoted identifier"));
                    }
                    if b[i] == b'"' {
                        if b.get(i + 1) == Some(&b'"') {
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    i += 1;
                }
            }
            b'$' if !prev_ident => {
                // $tag$ … $tag$ (tag empty or an identifier not starting with a digit);
                // $1 is a parameter.
                let mut j = i + 1;
                if j < n && is_ident_start(b[j]) {
                    j += 1;
                    while j < n && is_ident(b[j]) && b[j] != b'$' {
                        j += 1;
                    }
                }
                if j < n && b[j] == b'$' {
                    let tag = &text[i..=j];
                    let body = j + 1;
                    match text[body..].find(tag) {
                        Some(k) => i = body + k + tag.len(),
                        None => return Err(err(token, "a dollar-quoted string")),
                    }
                } else {
                    i += 1;
                }
            }
            b'(' => {
                paren += 1;
                i += 1;
            }
            b')' => {
                paren = paren.saturating_sub(1);
                i += 1;
            }
            c if is_ident_start(c) && !prev_ident => {
                let mut j = i + 1;
                while j < n && is_ident(b[j]) {
                    j += 1;
                }
                words.word(&text[i..j], paren);
                i = j;
            }
            _ => {
                // Any other character; multi-byte UTF-8 sequences are skipped whole.
                i += 1;
                while i < n && (b[i] & 0xC0) == 0x80 {
                    i += 1;
                }
            }
        }
        last_end = i;
    }
    if let Some(s) = start {
        out.push(Statement {
            start: s,
            end: last_end,
            line: line_of(text, s),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        split(sql).unwrap().iter().map(|s| s.text(sql)).collect()
    }

    #[test]
    fn plain_statements_and_lines() {
        let sql = "-- header\nCREATE TABLE a (x int);\n\n  INSERT INTO a VALUES (1);\nSELECT 1";
        let st = split(sql).unwrap();
        assert_eq!(
            texts(sql),
            [
                "CREATE TABLE a (x int)",
                "INSERT INTO a VALUES (1)",
                "SELECT 1"
            ]
        );
        assert_eq!(st.iter().map(|s| s.line).collect::<Vec<_>>(), [2, 4, 5]);
        assert_eq!(st[0].first_word(sql), "create");
    }

    #[test]
    fn comments_and_blanks_only_give_nothing() {
        assert!(split("").unwrap().is_empty());
        assert!(split("  \n-- a;\n/* b; /* nested; */ still; */\n;;\n")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn semicolons_inside_quotes_and_comments_do_not_split() {
        let sql = "SELECT 'a;b', E'c\\';d', \"we;ird\"\"x\" /* ; */ -- ;\n FROM t;SELECT 'it''s;'";
        assert_eq!(
            texts(sql),
            [
                "SELECT 'a;b', E'c\\';d', \"we;ird\"\"x\" /* ; */ -- ;\n FROM t",
                "SELECT 'it''s;'"
            ]
        );
        // Without the E prefix a backslash is ordinary: 'a\' is a whole string.
        assert_eq!(
            texts("SELECT 'a\\'; SELECT 2"),
            ["SELECT 'a\\'", "SELECT 2"]
        );
    }

    #[test]
    fn dollar_quotes() {
        let sql = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  x := 1; -- $not$\nEND;\n$$ LANGUAGE plpgsql;\n\
                   DO $body$ BEGIN PERFORM '$$;'; END $body$;\nSELECT $1, a$b$c FROM t;";
        let t = texts(sql);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[0].ends_with("LANGUAGE plpgsql"));
        assert!(t[1].starts_with("DO $body$") && t[1].ends_with("$body$"));
        assert_eq!(t[2], "SELECT $1, a$b$c FROM t");
    }

    #[test]
    fn parentheses_and_begin_atomic() {
        let sql = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2));\n\
                   CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC\n  INSERT INTO t VALUES (CASE WHEN true THEN 1 END);\n  INSERT INTO t VALUES (2);\nEND;\n\
                   BEGIN; COMMIT;";
        let t = texts(sql);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[1].ends_with("END") && t[1].contains("VALUES (2)"));
        assert_eq!(t[2], "BEGIN");
        assert_eq!(t[3], "COMMIT");
    }

    #[test]
    fn unterminated_things_name_their_line() {
        assert_eq!(
            split("SELECT 1;\nSELECT 'open;\n").unwrap_err(),
            SplitError {
                line: 2,
                what: "a quoted string"
            }
        );
        assert_eq!(split("\n\nDO $x$ BEGIN").unwrap_err().line, 3);
        assert_eq!(split("/* a /* b */").unwrap_err().what, "a /* comment");
        assert_eq!(split("SELECT \"x").unwrap_err().what, "a quoted identifier");
    }

    #[test]
    fn error_positions_become_file_lines() {
        let sql = "SELECT 1;\n-- comment\nCREATE TABLE é (\n  x int,\n  y nope\n);";
        let st = split(sql).unwrap();
        let create = st[1];
        assert_eq!(create.line, 3);
        // PostgreSQL counts characters, not bytes ("é" is two bytes).
        let text = create.text(sql);
        let chars_before = text[..text.find("nope").unwrap()].chars().count();
        assert_eq!(create.line_at(sql, chars_before as u32 + 1), 5);
        assert_eq!(create.line_at(sql, 1), 3);
        assert_eq!(create.line_at(sql, 10_000), 6);
    }
}
