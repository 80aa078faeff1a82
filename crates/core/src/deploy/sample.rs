//! The settings file (TOML): every setting with its description; the values given are set,
//! the others are written as comments with an example, ready to be turned on.

use std::fmt::Write as _;

use toml::Value;

use crate::settings::schema::{SECTIONS, Spec, section_title};

const HEADER: &str = "\
# Mail Setup Assistant settings.
#
# As IT's file for every user of a computer: /etc/mailsetup/settings.toml (Linux),
# %ProgramData%\\mailsetup\\settings.toml (Windows),
# /Library/Application Support/mailsetup/settings.toml (macOS). A value set here wins over the
# user's own settings file; a Group Policy (Windows) or a configuration profile (macOS) wins over
# this file.
#
# Remove the # in front of a setting to use it. A setting left out or empty keeps the built-in
# default. Made by `mailsetup admin export --format toml`.
";

/// The file: `values` set (all as comments when `examples`).
pub(super) fn toml(values: &[(&Spec, Option<Value>)], examples: bool) -> String {
    let mut out = String::from(HEADER);
    for section in SECTIONS {
        let title = section_title(section);
        let _ = write!(out, "\n# {title}\n[{section}]\n");
        for (spec, value) in values.iter().filter(|(s, _)| s.section == *section) {
            comment(
                &mut out,
                &format!("{}: {}", spec.label(), spec.description()),
            );
            match value {
                Some(v) if !examples => {
                    let _ = writeln!(out, "{} = {v}", spec.key);
                }
                Some(v) => {
                    let _ = writeln!(out, "# {} = {v}", spec.key);
                }
                None => {
                    let _ = writeln!(out, "# {} = {}", spec.key, spec.example_value());
                }
            }
        }
    }
    out
}

/// `text` as comment lines of at most about 96 characters.
fn comment(out: &mut String, text: &str) {
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > 96 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}
