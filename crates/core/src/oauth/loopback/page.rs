//! The small pages the loopback listener shows in the browser: the start page (which account to
//! use, before going to Microsoft), the result pages (which account was received), and the
//! refusals. Self-contained HTML: no scripts, `no-store`, `no-referrer`, every text escaped.

use crate::findings::classify::EntraError;
use crate::html::escape;

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
}

const ONLY_FOR_SIGN_IN: &str =
    "This address only receives the sign-in answer for Mail Setup Assistant.";
const CLOSE_TAB: &str = "You can close this tab and go back to Mail Setup Assistant.";

impl Page {
    fn new(status: u16, title: impl Into<String>, paragraphs: Vec<String>) -> Page {
        Page {
            status,
            title: title.into(),
            paragraphs,
            link: None,
            redirect: None,
        }
    }

    /// A page for requests that are not the sign-in answer.
    pub(crate) fn plain(status: u16) -> Page {
        let text = if status == 404 {
            "Not found."
        } else {
            ONLY_FOR_SIGN_IN
        };
        Page::new(status, "Mail Setup Assistant", vec![text.into()])
    }

    /// Before Microsoft: which account to use, and what to do when Microsoft offers another.
    pub(crate) fn start(account: &str, authorize_url: &str, delay_secs: u32) -> Page {
        let mut page = Page::new(
            200,
            format!("Sign in as {account}"),
            vec![
                format!("Microsoft's sign-in page opens next. Sign in as {account}."),
                "If Microsoft shows a different account, or signs you in straight away as someone else, choose \"Use another account\" (or \"Sign out\" first) and sign in as the account above.".into(),
                "Your password goes only to Microsoft. Mail Setup Assistant never sees it.".into(),
            ],
        );
        page.link = Some((
            authorize_url.to_owned(),
            "Continue to Microsoft sign-in".into(),
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
            "This sign-in link was already used",
            vec![
                "Each sign-in link opens the sign-in page once. This one was opened a second time, so Mail Setup Assistant stopped this sign-in to keep it safe. Nothing was saved.".into(),
                "Start the sign-in again in Mail Setup Assistant and go through it without reloading the page or going back.".into(),
            ],
        )
    }

    /// The answer arrived; the app is still checking it.
    pub(crate) fn received() -> Page {
        Page::new(
            200,
            "Sign-in received",
            vec![
                "Mail Setup Assistant received your sign-in and is checking it.".into(),
                CLOSE_TAB.into(),
            ],
        )
    }

    /// The right account signed in.
    pub fn signed_in(account: &str) -> Page {
        Page::new(
            200,
            format!("Signed in as {account}"),
            vec![
                "Mail Setup Assistant received your sign-in and saved it safely.".into(),
                CLOSE_TAB.into(),
            ],
        )
    }

    /// An administrator signed in for the registration check: nothing of theirs is kept.
    pub fn admin_signed_in(account: &str) -> Page {
        Page::new(
            200,
            format!("Signed in as {account}"),
            vec![
                "Mail Setup Assistant is reading the app registration. Nothing of your sign-in is saved: it is forgotten when the check ends.".into(),
                CLOSE_TAB.into(),
            ],
        )
    }

    /// Another account signed in than the one the app needs.
    pub fn wrong_account(received: &str, expected: &str) -> Page {
        Page::new(
            200,
            format!("Signed in as {received}, not {expected}"),
            vec![
                format!("Microsoft signed you in as {received}, but this mailbox is {expected}. Nothing was saved."),
                "Go back to Mail Setup Assistant: it offers to try again with the account picker or in a private window.".into(),
            ],
        )
    }

    /// A related account signed in: the app asks the person to confirm.
    pub fn confirm(received: &str, expected: &str) -> Page {
        Page::new(
            200,
            format!("Signed in as {received}"),
            vec![format!(
                "Go back to Mail Setup Assistant to confirm that {received} is the right account for {expected}."
            )],
        )
    }

    /// The sign-in could not be completed.
    pub fn failed(title: &str) -> Page {
        Page::new(
            200,
            "Sign-in did not finish",
            vec![
                title.to_owned(),
                "Go back to Mail Setup Assistant: it explains what to do next.".into(),
                CLOSE_TAB.into(),
            ],
        )
    }

    /// An answer from an older or foreign sign-in.
    pub(crate) fn stale() -> Page {
        Page::new(
            400,
            "This sign-in link is out of date",
            vec!["This answer does not belong to the sign-in that Mail Setup Assistant is waiting for (it may come from an older tab). Close this tab and use the newest sign-in window.".into()],
        )
    }

    /// The identity provider sent an error instead of a code.
    pub(crate) fn provider_error(err: &EntraError) -> Page {
        let detail = err.error_description.as_deref().unwrap_or("");
        let title = if err.error == "access_denied" {
            "Sign-in cancelled"
        } else {
            "Sign-in did not finish"
        };
        Page::new(
            200,
            title,
            vec![
                format!(
                    "Microsoft reported: {} {}",
                    err.error,
                    detail.split(['\r', '\n']).next().unwrap_or("")
                ),
                "Go back to Mail Setup Assistant: it explains what to do next.".into(),
                CLOSE_TAB.into(),
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
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>{refresh}\
             <meta name=\"viewport\" content=\"width=device-width\"><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#1b1b1b}}h1{{font-size:1.4em}}a.go{{display:inline-block;background:#1f5fbf;color:#fff;padding:.6em 1.2em;border-radius:.4em;text-decoration:none;font-weight:600}}</style></head>\
             <body>{body}</body></html>",
            t = escape(&self.title),
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
