//! The report as an outline of sections, shared by the text and HTML renderings so both say
//! the same things in the same order.

use super::{Report, when};
use crate::findings::Finding;
use crate::outcome::Outcome;
use crate::progress::Status;

/// A titled part of the report.
pub(super) struct Section<'a> {
    pub title: String,
    pub items: Vec<Item<'a>>,
}

/// One line (or block) of a section.
pub(super) enum Item<'a> {
    /// `label: value`.
    Field(&'static str, String),
    /// A step with its result.
    Step {
        status: Status,
        label: String,
        ms: u64,
        detail: Option<&'a str>,
        finding: Option<&'a Finding>,
    },
}

pub(super) fn outline(r: &Report) -> Vec<Section<'_>> {
    let mut out = vec![about(r)];
    for o in &r.results {
        out.push(result(o));
        if let Some(d) = &o.diagnosis {
            out.push(servers(d));
        }
        if let Some(t) = &o.token {
            let mut items = Vec::new();
            let mut field = |k, v: &Option<String>| {
                if let Some(v) = v {
                    items.push(Item::Field(k, v.clone()));
                }
            };
            field("Tenant (tid)", &t.tid);
            field("User object (oid)", &t.oid);
            field("User (upn)", &t.upn);
            field("Service (aud)", &t.aud);
            field("Permissions (scp)", &t.scp);
            // The token's `exp` is by the sign-in service's clock; the report shows one expiry,
            // the app's ("Access token expires": receive time + expires_in on this computer's
            // clock), so a wrong clock cannot show two that contradict each other (test
            // `field_t30_a_clock_two_hours_ahead_is_a_warning_only`).
            out.push(Section {
                title: "Access token claims (the token itself is never shown)".into(),
                items,
            });
        }
    }
    out
}

fn about(r: &Report) -> Section<'_> {
    let mut items = vec![
        Item::Field("Mailbox", r.mailbox.clone()),
        Item::Field("App", r.app.clone()),
        Item::Field("Computer", r.os.clone()),
        Item::Field("Report made", r.created_at.clone()),
        Item::Field("Provider", r.profile.provider.clone()),
        Item::Field("Sending server", r.profile.smtp.clone()),
        Item::Field("Mailbox server", r.profile.imap.clone()),
    ];
    if !r.log.is_empty() {
        items.insert(3, Item::Field("Log", r.log.clone()));
    }
    if !r.profile.sign_in.is_empty() {
        items.push(Item::Field("Sign-in method", r.profile.sign_in.clone()));
    }
    if let Some(a) = &r.profile.authority {
        items.push(Item::Field("Sign-in authority", a.clone()));
    }
    if let Some(c) = &r.profile.client_id {
        items.push(Item::Field("App registration (client id)", c.clone()));
    }
    if !r.profile.scopes.is_empty() {
        items.push(Item::Field("Scopes", r.profile.scopes.join(" ")));
    }
    match &r.account {
        None => items.push(Item::Field("Saved on this computer", "no".into())),
        Some(a) => {
            if let Some(s) = &a.signed_in_as {
                items.push(Item::Field(
                    if a.shared {
                        "Signed in as (delegate)"
                    } else {
                        "Signed in as"
                    },
                    s.clone(),
                ));
            }
            items.push(Item::Field("Set up", when(a.added_at)));
            let opt = |v: Option<u64>| v.map_or_else(|| "never".into(), when);
            items.push(Item::Field("Last successful check", opt(a.last_success_at)));
            items.push(Item::Field("Last renewed", opt(a.last_refresh_at)));
            if let Some(exp) = a.token_expires_at {
                items.push(Item::Field("Access token expires", when(exp)));
            }
            let made = r.created_at.parse::<jiff::Timestamp>().ok();
            let made = made.and_then(|t| u64::try_from(t.as_second()).ok());
            if let Some(h) = made.and_then(|now| crate::health::health(a, true, now)) {
                items.push(Item::Field("How long the sign-in lasts", h.words));
            }
        }
    }
    Section {
        title: "Mailbox and computer".into(),
        items,
    }
}

fn result(o: &Outcome) -> Section<'_> {
    let what = o.action.label();
    Section {
        title: format!("{what}: {}", if o.passed { "passed" } else { "FAILED" }),
        items: o
            .steps
            .iter()
            .map(|s| Item::Step {
                status: s.status,
                label: s.step.label(),
                ms: s.ms,
                detail: s.detail.as_deref(),
                finding: s.finding.as_ref(),
            })
            .collect(),
    }
}

fn servers(d: &crate::diagnosis::Diagnosis) -> Section<'_> {
    let mut items = Vec::new();
    if !d.mx.is_empty() {
        items.push(Item::Field("MX", d.mx.join(", ")));
    }
    // The check looks up the sending server, then the mailbox server.
    let labels = ["Sending server addresses", "Mailbox server addresses"];
    for (label, a) in labels.iter().zip(&d.addresses) {
        items.push(Item::Field(label, a.describe()));
    }
    if let Some(s) = &d.smtp {
        items.push(Item::Field("SMTP greeting", s.greeting.clone()));
        if !s.ehlo_before_tls.is_empty() {
            items.push(Item::Field(
                "SMTP before TLS",
                s.ehlo_before_tls.join(" | "),
            ));
        }
        items.push(Item::Field("SMTP after TLS", s.ehlo_after_tls.join(" | ")));
        items.push(Item::Field("SMTP TLS", s.tls.describe()));
    }
    if let Some(i) = &d.imap {
        items.push(Item::Field("IMAP capabilities", i.capabilities.join(" ")));
        items.push(Item::Field("IMAP TLS", i.tls.describe()));
    }
    for p in &d.ports {
        items.push(Item::Field(
            "Port",
            format!("{}:{} {:?} ({} ms)", p.host, p.port, p.state, p.ms),
        ));
    }
    if let Some(idp) = &d.identity_provider {
        items.push(Item::Field(
            "Sign-in service",
            format!(
                "{} → HTTP {} ({} ms)",
                idp.url,
                idp.status.map_or_else(|| "-".into(), |s| s.to_string()),
                idp.ms
            ),
        ));
    }
    items.push(Item::Field("Proxy", d.proxy.summary()));
    if !d.certificates.is_empty() {
        items.push(Item::Field(
            "Certificates checked by",
            d.certificates.clone(),
        ));
    }
    Section {
        title: "Servers".into(),
        items,
    }
}
