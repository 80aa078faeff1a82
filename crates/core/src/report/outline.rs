//! The report as an outline of sections, shared by the text and HTML renderings so both say
//! the same things in the same order.

use super::{Report, when};
use crate::findings::Finding;
use crate::l10n::tr;
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
    Field(String, String),
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
            let mut claim = |key, v: &Option<String>| {
                if let Some(v) = v {
                    items.push(field(key, v.clone()));
                }
            };
            claim("report-field-tid", &t.tid);
            claim("report-field-oid", &t.oid);
            claim("report-field-upn", &t.upn);
            claim("report-field-aud", &t.aud);
            claim("report-field-scp", &t.scp);
            // The token's `exp` is by the sign-in service's clock; the report shows one expiry,
            // the app's ("Access token expires": receive time + expires_in on this computer's
            // clock), so a wrong clock cannot show two that contradict each other (test
            // `field_t30_a_clock_two_hours_ahead_is_a_warning_only`).
            out.push(Section {
                title: tr("report-section-token"),
                items,
            });
        }
    }
    out
}

fn about(r: &Report) -> Section<'_> {
    // When the report was made: in the JSON as RFC 3339, here in the computer's time zone as
    // every other time of the report.
    let made = r.created_at.parse::<jiff::Timestamp>().ok();
    let made = made.and_then(|t| u64::try_from(t.as_second()).ok());
    let mut items = vec![
        field("report-field-mailbox", r.mailbox.clone()),
        field("report-field-app", r.app.clone()),
        field("report-field-computer", r.os.clone()),
        field(
            "report-field-made",
            made.map_or_else(|| r.created_at.clone(), when),
        ),
        field("report-field-provider", r.profile.provider.clone()),
        field("report-field-sending-server", r.profile.smtp.clone()),
        field("report-field-mailbox-server", r.profile.imap.clone()),
    ];
    if !r.log.is_empty() {
        items.insert(3, field("report-field-log", r.log.clone()));
    }
    if !r.profile.sign_in.is_empty() {
        items.push(field(
            "report-field-sign-in-method",
            r.profile.sign_in.clone(),
        ));
    }
    if let Some(a) = &r.profile.authority {
        items.push(field("report-field-authority", a.clone()));
    }
    if let Some(c) = &r.profile.client_id {
        items.push(field("report-field-client-id", c.clone()));
    }
    if !r.profile.scopes.is_empty() {
        items.push(field("report-field-scopes", r.profile.scopes.join(" ")));
    }
    match &r.account {
        None => items.push(field("report-field-saved", tr("report-no"))),
        Some(a) => {
            if let Some(s) = &a.signed_in_as {
                let key = if a.shared {
                    "report-field-signed-in-as-delegate"
                } else {
                    "report-field-signed-in-as"
                };
                items.push(field(key, s.clone()));
            }
            items.push(field("report-field-set-up", when(a.added_at)));
            let opt = |v: Option<u64>| v.map_or_else(|| tr("report-never"), when);
            items.push(field("report-field-last-success", opt(a.last_success_at)));
            items.push(field("report-field-last-renewed", opt(a.last_refresh_at)));
            if let Some(exp) = a.token_expires_at {
                items.push(field("report-field-token-expires", when(exp)));
            }
            if let Some(h) = made.and_then(|now| crate::health::health(a, true, now)) {
                items.push(field("report-field-health", h.words));
            }
        }
    }
    Section {
        title: tr("report-section-about"),
        items,
    }
}

fn result(o: &Outcome) -> Section<'_> {
    let passed = if o.passed { "yes" } else { "no" };
    Section {
        title: crate::l10n::tr_with(
            "report-result",
            &[
                ("action", o.action.label().into()),
                ("passed", passed.into()),
            ],
        ),
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
        items.push(Item::Field("MX".into(), d.mx.join(", ")));
    }
    // The check looks up the sending server, then the mailbox server.
    let labels = [
        "report-field-sending-addresses",
        "report-field-mailbox-addresses",
    ];
    for (key, a) in labels.iter().zip(&d.addresses) {
        items.push(field(key, a.describe()));
    }
    if let Some(s) = &d.smtp {
        items.push(field("report-field-smtp-greeting", s.greeting.clone()));
        if !s.ehlo_before_tls.is_empty() {
            items.push(field(
                "report-field-smtp-before-tls",
                s.ehlo_before_tls.join(" | "),
            ));
        }
        items.push(field(
            "report-field-smtp-after-tls",
            s.ehlo_after_tls.join(" | "),
        ));
        items.push(field("report-field-smtp-tls", s.tls.describe()));
    }
    if let Some(i) = &d.imap {
        items.push(field(
            "report-field-imap-capabilities",
            i.capabilities.join(" "),
        ));
        items.push(field("report-field-imap-tls", i.tls.describe()));
    }
    for p in &d.ports {
        items.push(field(
            "report-field-port",
            format!(
                "{}:{} {} ({} ms)",
                p.host,
                p.port,
                port_state(p.state),
                p.ms
            ),
        ));
    }
    if let Some(idp) = &d.identity_provider {
        items.push(field(
            "report-field-sign-in-service",
            format!(
                "{} → HTTP {} ({} ms)",
                idp.url,
                idp.status.map_or_else(|| "-".into(), |s| s.to_string()),
                idp.ms
            ),
        ));
    }
    items.push(field("report-field-proxy", d.proxy.summary()));
    if !d.certificates.is_empty() {
        items.push(field("report-field-certificates", d.certificates.clone()));
    }
    Section {
        title: tr("report-section-servers"),
        items,
    }
}

/// What a port check found, in words (`report-port-*`).
fn port_state(state: crate::diagnosis::PortState) -> String {
    use crate::diagnosis::PortState;
    tr(match state {
        PortState::Open => "report-port-open",
        PortState::Refused => "report-port-refused",
        PortState::NoAnswer => "report-port-no-answer",
        PortState::NameNotFound => "report-port-name-not-found",
        PortState::Error => "report-port-error",
    })
}

/// A field named by its message (`report-field-*`).
fn field(id: &str, value: String) -> Item<'static> {
    Item::Field(tr(id), value)
}
