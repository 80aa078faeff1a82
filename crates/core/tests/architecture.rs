//! The direction of the arrows between the core's top-level modules: module A may use module B
//! only if B never uses A, directly or through others (ARCHITECTURE.md). Read from the sources:
//! every `crate::<module>` path (also inside `use crate::{…}` groups), in code and in tests,
//! comments left out.

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
