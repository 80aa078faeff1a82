//! The report as plain text, for pasting into a ticket or a chat.

use super::Report;
use super::outline::{Item, outline};
use crate::progress::Status;

/// Renders `r` as text.
pub fn render(r: &Report) -> String {
    let title = crate::l10n::tr_with(
        "report-title-text",
        &[("mailbox", r.mailbox.clone().into())],
    );
    let mut out = format!("{title}\n");
    for section in outline(r) {
        out.push_str(&format!("\n== {} ==\n", section.title));
        for item in section.items {
            match item {
                Item::Field(k, v) => out.push_str(&format!("  {k}: {v}\n")),
                Item::Step {
                    status,
                    label,
                    ms,
                    detail,
                    finding,
                } => {
                    let mark = match status {
                        Status::Passed => "OK  ",
                        Status::Failed => "FAIL",
                        Status::Info => "INFO",
                    };
                    out.push_str(&format!("  [{mark}] {label} ({ms} ms)"));
                    if let Some(d) = detail {
                        out.push_str(&format!(": {d}"));
                    }
                    out.push('\n');
                    if let Some(f) = finding {
                        for line in f.to_text().lines() {
                            out.push_str(&format!("         {line}\n"));
                        }
                        if let Some(cause) = &f.cause {
                            let label = crate::l10n::tr("report-technical-detail");
                            let indent = " ".repeat(9 + label.chars().count() + 2);
                            out.push_str(&format!(
                                "         {label}: {}\n",
                                cause.replace('\n', &format!("\n{indent}"))
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}
