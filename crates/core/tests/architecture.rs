//! The shape of the core, read from its sources:
//! - the direction of the arrows between the top-level modules: module A may use module B only
//!   if B never uses A, directly or through others (ARCHITECTURE.md) — every `crate::<module>`
//!   path (also inside `use crate::{…}` groups), in code and in tests, comments left out;
//! - no function outside the tests is longer than [`MAX_FN_LINES`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without `//` comments (doc comments included) and string literals' contents.
fn code_only(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named by `crate::` paths in `code`.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let ident = |from: usize| -> String {
        code[from..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `mailsetup_crate::`
        }
        let start = at + "crate::".len();
        if bytes.get(start) != Some(&b'{') {
            out.insert(ident(start));
            continue;
        }
        // A group: the first segment of each path at depth 1.
        let (mut depth, mut expect) = (0usize, true);
        for (i, c) in code[start..].char_indices() {
            match c {
                '{' => {
                    depth += 1;
                    expect = depth == 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => expect = true,
                c if expect && depth == 1 && (c.is_alphanumeric() || c == '_') => {
                    out.insert(ident(start + i));
                    expect = false;
                }
                _ => {}
            }
        }
    }
    out
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let top = |p: &Path| {
        let first = p.strip_prefix(&src).unwrap().components().next().unwrap();
        let name = first.as_os_str().to_string_lossy().into_owned();
        name.trim_end_matches(".rs").to_owned()
    };
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| top(f))
        .filter(|m| m != "lib")
        .collect();
    let mut g = Graph::new();
    for f in &files {
        let from = top(f);
        if from == "lib" {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(f).unwrap());
        let uses = g.entry(from.clone()).or_default();
        uses.extend(
            used_modules(&code)
                .into_iter()
                .filter(|m| m != &from && modules.contains(m)),
        );
    }
    g
}

/// A path from `from` back to `to`, if any.
fn path_back(g: &Graph, from: &str, to: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        if last == to {
            return Some(path);
        }
        if !seen.insert(last.clone()) {
            continue;
        }
        for next in g.get(last).into_iter().flatten() {
            let mut p = path.clone();
            p.push(next.clone());
            stack.push(p);
        }
    }
    None
}

#[test]
fn no_module_uses_a_module_that_uses_it_back() {
    let g = graph();
    assert!(g.len() > 15, "the modules were found: {:?}", g.keys());
    let mut circles = Vec::new();
    for (a, uses) in &g {
        for b in uses {
            if let Some(back) = path_back(&g, b, a) {
                circles.push(format!("{a} -> {}", back.join(" -> ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

/// The longest function the core may have, in lines (signature to closing brace).
const MAX_FN_LINES: usize = 80;

/// The line's code with string and char literals blanked and any `//` comment cut off, so the
/// braces left are the code's own.
fn braces_only(line: &str, in_raw: &mut bool) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *in_raw {
            if c == '"' && chars.peek() == Some(&'#') {
                *in_raw = false;
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => break,
            'r' if chars.peek() == Some(&'#') => {
                chars.next();
                if chars.peek() == Some(&'"') {
                    chars.next();
                    *in_raw = true;
                }
            }
            '"' => {
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A char literal such as '{' (lifetimes have no closing quote right after).
                let mut ahead = chars.clone();
                if let (Some(_), Some('\'')) = (ahead.next(), ahead.next()) {
                    chars.next();
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `(name, first line, length)` of every function in `src` outside `#[cfg(test)]` modules.
fn function_lengths(src: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    let mut in_raw = false;
    let code: Vec<String> = lines.iter().map(|l| braces_only(l, &mut in_raw)).collect();
    let test_from = lines
        .windows(2)
        .position(|w| {
            let inline_mod = w[1].trim_start().starts_with("mod ") && w[1].contains('{');
            w[0].trim() == "#[cfg(test)]" && inline_mod
        })
        .unwrap_or(lines.len());
    for (i, line) in code.iter().enumerate().take(test_from) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "fn") else {
            continue;
        };
        let modifiers = ["pub", "const", "async", "unsafe", "extern"];
        if !words[..at]
            .iter()
            .all(|w| modifiers.contains(w) || w.starts_with("pub("))
        {
            continue;
        }
        let name = words
            .get(at + 1)
            .map_or("", |w| w.split(['(', '<']).next().unwrap());
        let mut depth = 0i32;
        let mut opened = false;
        for (j, l) in code.iter().enumerate().skip(i) {
            for c in l.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened && depth == 0 => break,
                    _ => {}
                }
            }
            if (opened && depth == 0) || (!opened && l.contains(';')) {
                out.push((name.to_owned(), i + 1, j - i + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn no_function_of_the_core_is_too_long() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut long = Vec::new();
    let mut counted = 0;
    for f in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        for (name, line, len) in function_lengths(&std::fs::read_to_string(f).unwrap()) {
            counted += 1;
            if len > MAX_FN_LINES {
                long.push(format!("{}:{line} {name}: {len} lines", f.display()));
            }
        }
    }
    assert!(counted > 500, "functions were found: {counted}");
    assert!(
        long.is_empty(),
        "over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn function_lengths_count_braces_of_code_only() {
    let src = "pub(crate) async fn a() {\n    let s = \"}}}\";\n    let c = '{';\n}\n\
               fn b(x: u8) -> u8 { x }\n#[cfg(test)]\nmod fakes;\n#[cfg(test)]\nmod tests {\n    fn c() {}\n}\n";
    assert_eq!(
        function_lengths(src),
        [("a".to_owned(), 1, 4), ("b".to_owned(), 5, 1)]
    );
}

#[test]
fn the_reader_finds_uses_in_paths_and_groups_but_not_in_comments() {
    let code = code_only(
        "use crate::a::X;\nuse crate::{b::{c, d}, e};\n// crate::f\nlet x = crate::g::h();\n",
    );
    let found: Vec<String> = used_modules(&code).into_iter().collect();
    assert_eq!(found, ["a", "b", "e", "g"]);
    let mut g = Graph::new();
    g.entry("x".into()).or_default().insert("y".into());
    g.entry("y".into()).or_default().insert("x".into());
    assert_eq!(path_back(&g, "y", "x").unwrap(), ["y", "x"]);
}
