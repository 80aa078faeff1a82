//! The small pages the loopback listener shows in the browser: the start page (which account to
//! use, before going to Microsoft), the result pages (which account was received), and the
//! refusals. Self-contained HTML: no scripts, `no-store`, `no-referrer`, every text escaped.

use crate::findings::classify::EntraError;
use crate::html::escape;
use crate::l10n;

/// A page for the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// HTTP status.
    pub status: u16,
    /// Heading and `<title>`.
    pub title: String,
    /// Paragraphs of plain text.
    pub paragraphs: Vec<String>,
    /// A link as (href, text).
    pub link: Option<(String, String)>,
    /// Go to this address after `refresh_secs` (meta refresh), or at once with a 302 when 0.
    pub redirect: Option<(String, u32)>,
    /// The language of its words (the page's `lang`).
    pub lang: &'static str,
}

/// The message `id` (or its `attribute`) of `loopback.ftl` in the person's language.
fn t(id: &str, attribute: Option<&str>, vars: &[(&str, &str)]) -> String {
    let args: Vec<(&str, l10n::Value)> = vars
        .iter()
        .map(|(name, value)| (*name, value.to_string().into()))
        .collect();
    l10n::tr_attribute(id, attribute, &args)
}

fn close_tab() -> String {
    l10n::tr("loopback-close-tab")
}

fn go_back() -> String {
    l10n::tr("loopback-go-back")
}

impl Page {
    fn new(status: u16, title: impl Into<String>, paragraphs: Vec<String>) -> Page {
        Page {
            status,
            title: title.into(),
            paragraphs,
            link: None,
            redirect: None,
            lang: l10n::current().tag(),
        }
    }

    /// A page for requests that are not the sign-in answer.
    pub(crate) fn plain(status: u16) -> Page {
        let text = if status == 404 {
            l10n::tr("loopback-not-found")
        } else {
            l10n::tr("loopback-only-for-sign-in")
        };
        Page::new(status, l10n::tr("loopback-app-name"), vec![text])
    }

    /// Before Microsoft: which account to use, and what to do when Microsoft offers another.
    pub(crate) fn start(account: &str, authorize_url: &str, delay_secs: u32) -> Page {
        let account = [("account", account)];
        let mut page = Page::new(
            200,
            t("loopback-start", None, &account),
            vec![
                t("loopback-start", Some("next"), &account),
                t("loopback-start", Some("other-account"), &[]),
                t("loopback-start", Some("password"), &[]),
            ],
        );
        page.link = Some((
            authorize_url.to_owned(),
            t("loopback-start", Some("continue"), &[]),
        ));
        page.redirect = Some((authorize_url.to_owned(), delay_secs));
        if delay_secs == 0 {
            page.status = 302;
        }
        page
    }

    /// The one-time start address again, after it was served (e.g. a link copied into a
    /// second browser): nothing of the sign-in, only what to do.
    pub(crate) fn start_used() -> Page {
        Page::new(
            404,
            t("loopback-start-used", None, &[]),
            vec![
                t("loopback-start-used", Some("why"), &[]),
                t("loopback-start-used", Some("what"), &[]),
            ],
        )
    }

    /// The answer arrived; the app is still checking it.
    pub(crate) fn received() -> Page {
        Page::new(
            200,
            t("loopback-received", None, &[]),
            vec![t("loopback-received", Some("checking"), &[]), close_tab()],
        )
    }

    /// The right account signed in.
    pub fn signed_in(account: &str) -> Page {
        Page::new(
            200,
            t("loopback-signed-in", None, &[("account", account)]),
            vec![t("loopback-signed-in", Some("saved"), &[]), close_tab()],
        )
    }

    /// An administrator signed in for the registration check: nothing of theirs is kept.
    pub fn admin_signed_in(account: &str) -> Page {
        Page::new(
            200,
            t("loopback-signed-in", None, &[("account", account)]),
            vec![t("loopback-signed-in", Some("admin"), &[]), close_tab()],
        )
    }

    /// Another account signed in than the one the app needs.
    pub fn wrong_account(received: &str, expected: &str) -> Page {
        let vars = [("received", received), ("expected", expected)];
        Page::new(
            200,
            t("loopback-wrong-account", None, &vars),
            vec![
                t("loopback-wrong-account", Some("why"), &vars),
                t("loopback-wrong-account", Some("what"), &[]),
            ],
        )
    }

    /// A related account signed in: the app asks the person to confirm.
    pub fn confirm(received: &str, expected: &str) -> Page {
        Page::new(
            200,
            t("loopback-signed-in", None, &[("account", received)]),
            vec![t(
                "loopback-confirm",
                None,
                &[("received", received), ("expected", expected)],
            )],
        )
    }

    /// The sign-in could not be completed.
    pub fn failed(title: &str) -> Page {
        Page::new(
            200,
            l10n::tr("loopback-failed"),
            vec![title.to_owned(), go_back(), close_tab()],
        )
    }

    /// An answer from an older or foreign sign-in.
    pub(crate) fn stale() -> Page {
        Page::new(
            400,
            t("loopback-stale", None, &[]),
            vec![t("loopback-stale", Some("why"), &[])],
        )
    }

    /// The identity provider sent an error instead of a code.
    pub(crate) fn provider_error(err: &EntraError) -> Page {
        let detail = err.error_description.as_deref().unwrap_or("");
        let title = if err.error == "access_denied" {
            l10n::tr("loopback-cancelled")
        } else {
            l10n::tr("loopback-failed")
        };
        let reported = format!(
            "{} {}",
            err.error,
            detail.split(['\r', '\n']).next().unwrap_or("")
        );
        Page::new(
            200,
            title,
            vec![
                t("loopback-provider-error", None, &[("error", &reported)]),
                go_back(),
                close_tab(),
            ],
        )
    }

    /// The HTTP response bytes.
    pub(crate) fn render(&self) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            302 => "Found",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            431 => "Request Header Fields Too Large",
            _ => "Error",
        };
        let refresh = match &self.redirect {
            Some((to, secs)) => format!(
                "<meta http-equiv=\"refresh\" content=\"{secs};url={}\">",
                escape(to)
            ),
            None => String::new(),
        };
        let mut body = format!("<h1>{}</h1>", escape(&self.title));
        for p in &self.paragraphs {
            body.push_str(&format!("<p>{}</p>", escape(p)));
        }
        if let Some((href, text)) = &self.link {
            body.push_str(&format!(
                "<p><a class=\"go\" href=\"{}\">{}</a></p>",
                escape(href),
                escape(text)
            ));
        }
        let html = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{t}</title>{refresh}\
             <meta name=\"viewport\" content=\"width=device-width\"><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#1b1b1b}}h1{{font-size:1.4em}}a.go{{display:inline-block;background:#1f5fbf;color:#fff;padding:.6em 1.2em;border-radius:.4em;text-decoration:none;font-weight:600}}</style></head>\
             <body>{body}</body></html>",
            t = escape(&self.title),
            lang = self.lang,
        );
        let location = match (&self.redirect, self.status) {
            (Some((to, _)), 302) => format!("Location: {to}\r\n"),
            _ => String::new(),
        };
        let mut out = format!(
            "HTTP/1.1 {} {reason}\r\n{location}Content-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n\r\n",
            self.status,
            html.len()
        )
        .into_bytes();
        out.extend_from_slice(html.as_bytes());
        out
    }
}
