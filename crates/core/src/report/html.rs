//! The report as one self-contained HTML page: inline style, no script, nothing loaded from
//! elsewhere, every value escaped. Safe to attach to a ticket and open anywhere.

use super::Report;
use super::outline::{Item, outline};
use crate::findings::Finding;
use crate::html::escape;
use crate::l10n::{tr, tr_with};
use crate::progress::Status;

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}\
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0;word-break:break-word}\
ol.steps{list-style:none;padding:0}ol.steps li{margin:.3rem 0}.passed::before{content:'✓ ';color:#176b2c}\
.failed::before{content:'✗ ';color:#b3261e}.info::before{content:'ℹ ';color:#345}.ms{color:#777}\
.finding{border-left:4px solid #b3261e;padding:.3rem .8rem;margin:.4rem 0 .6rem 1.2rem;background:#fdf3f2}\
.finding pre{white-space:pre-wrap;font-size:.85rem;background:#fff;padding:.4rem}";

/// Renders `r` as a complete HTML document.
pub fn render(r: &Report) -> String {
    let title = tr_with("report-title", &[("mailbox", r.mailbox.clone().into())]);
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        escape(&title),
        escape(&tr(if r.passed() {
            "report-all-passed"
        } else {
            "report-something-failed"
        }))
    );
    for section in outline(r) {
        body.push_str(&format!("<section><h2>{}</h2>\n", escape(&section.title)));
        let (fields, steps): (Vec<_>, Vec<_>) = section
            .items
            .into_iter()
            .partition(|i| matches!(i, Item::Field(..)));
        if !fields.is_empty() {
            body.push_str("<dl>\n");
            for f in fields {
                if let Item::Field(k, v) = f {
                    body.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(&k), escape(&v)));
                }
            }
            body.push_str("</dl>\n");
        }
        if !steps.is_empty() {
            body.push_str("<ol class=\"steps\">\n");
            for s in steps {
                if let Item::Step {
                    status,
                    label,
                    ms,
                    detail,
                    finding,
                } = s
                {
                    let class = match status {
                        Status::Passed => "passed",
                        Status::Failed => "failed",
                        Status::Info => "info",
                    };
                    body.push_str(&format!(
                        "<li class=\"{class}\">{} <span class=\"ms\">({ms} ms)</span>{}",
                        escape(&label),
                        detail
                            .map(|d| format!(": {}", escape(d)))
                            .unwrap_or_default()
                    ));
                    if let Some(f) = finding {
                        body.push_str(&finding_html(f));
                    }
                    body.push_str("</li>\n");
                }
            }
            body.push_str("</ol>\n");
        }
        body.push_str("</section>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>{}</title><style>{STYLE}</style></head>\n<body>\n{body}</body></html>\n",
        crate::l10n::current().tag(),
        escape(&title)
    )
}

fn finding_html(f: &Finding) -> String {
    let mut out = format!(
        "<div class=\"finding\"><strong>{}</strong> <code>{}</code> ({})<p>{}</p><ol>",
        escape(&f.title),
        escape(f.code.as_str()),
        escape(&tr_with(
            "report-for-audience",
            &[("audience", audience(f.audience).into())]
        )),
        escape(&f.explanation)
    );
    for step in &f.steps {
        out.push_str(&format!("<li>{}</li>", escape(step)));
    }
    out.push_str("</ol>");
    if let Some(admin) = &f.for_admin {
        out.push_str(&format!(
            "<p><em>{}</em> {}</p><ol>",
            escape(&tr("report-for-admin")),
            escape(&admin.explanation)
        ));
        for step in &admin.steps {
            out.push_str(&format!("<li>{}</li>", escape(step)));
        }
        out.push_str("</ol>");
    }
    if let Some(doc) = &f.doc_url
        && doc.starts_with("https://")
    {
        out.push_str(&format!("<p><a href=\"{0}\">{0}</a></p>", escape(doc)));
    }
    if let Some(ev) = &f.evidence {
        out.push_str(&format!("<pre>{}</pre>", escape(ev)));
    }
    if let Some(cause) = &f.cause {
        // Folded away: it is for whoever looks into the fault, not for the reader.
        out.push_str(&format!(
            "<details class=\"cause\"><summary>{}</summary><pre>{}</pre></details>",
            escape(&tr("report-technical-detail")),
            escape(cause)
        ));
    }
    out.push_str("</div>");
    out
}

/// The audience as the `$audience` of `report-for-audience`.
fn audience(a: crate::findings::Audience) -> &'static str {
    match a {
        crate::findings::Audience::User => "user",
        crate::findings::Audience::Helpdesk => "helpdesk",
        crate::findings::Audience::Admin => "admin",
    }
}
