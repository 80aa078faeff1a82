//! The report as plain text, for pasting into a ticket or a chat.

use super::Report;
use super::outline::{Item, outline};
use crate::progress::Status;

/// Renders `r` as text.
pub fn render(r: &Report) -> String {
    let mut out = format!("MAIL SETUP ASSISTANT REPORT — {}\n", r.mailbox);
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
                            out.push_str(&format!(
                                "         Technical detail: {}\n",
                                cause.replace('\n', "\n                           ")
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}
