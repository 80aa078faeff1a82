//! The value in effect of each setting, written back as a settings file writes it: for
//! `admin show`, the administrator page and the deployment files made from a [`Settings`].
//! A round trip (written, then read again) gives the same settings
//! (`written_values_read_back_the_same`).

use std::time::Duration;

use toml::Value;

use super::schema::{Spec, seconds_value};
use super::{ClientType, Settings};
use crate::provider::Cloud;

/// The value of `spec` in `s`; `None` when it is not set and has no default.
pub(super) fn value_of(s: &Settings, spec: &Spec) -> Option<Value> {
    let text = |t: &str| Some(Value::String(t.to_owned()));
    let opt = |t: &Option<String>| t.as_deref().and_then(text);
    match spec.section {
        "app" if spec.key == "language" => s.language.and_then(|l| text(l.tag())),
        "microsoft" => microsoft(s, spec.key),
        "google" => match spec.key {
            "client_id" => opt(&s.google.client_id),
            "authorize_url" => text(s.google.authorize_url.as_str()),
            "token_url" => text(s.google.token_url.as_str()),
            _ => None,
        },
        "outlook" if spec.key == "client_id" => opt(&s.outlook.client_id),
        "autoconfig" if spec.key == "ispdb" => text(s.autoconfig.ispdb.as_str()),
        "dns" if spec.key == "server" => s.dns_server.map(|d| Value::String(d.to_string())),
        "servers" => match spec.key {
            "smtp" => s.smtp.as_ref().map(|h| Value::String(h.to_string())),
            "imap" => s.imap.as_ref().map(|h| Value::String(h.to_string())),
            _ => None,
        },
        "tls" if spec.key == "extra_ca_file" => s
            .extra_ca_file
            .as_ref()
            .map(|p| Value::String(p.display().to_string())),
        "timeouts" => timeout(s, spec.key).map(|d| seconds_value(d.as_secs_f64())),
        _ => None,
    }
}

fn microsoft(s: &Settings, key: &str) -> Option<Value> {
    let ms = &s.microsoft;
    let text = |t: &str| Some(Value::String(t.to_owned()));
    match key {
        // The settings names Cloud::parse reads.
        "cloud" => text(match ms.cloud {
            Cloud::Global => "global",
            Cloud::UsGov => "usgov",
            Cloud::China => "china",
        }),
        "authority" => text(ms.authority.as_str().trim_end_matches('/')),
        "tenant" => text(&ms.tenant),
        "client_id" => ms.client_id.as_deref().and_then(text),
        "client_type" => text(match ms.client_type {
            ClientType::Public => "public",
            ClientType::Confidential => "confidential",
        }),
        "redirect" => text(&ms.redirect.registered()),
        // None is the default: an empty list is "not set".
        "admin_accounts" => (!ms.admin_accounts.is_empty()).then(|| {
            Value::Array(
                ms.admin_accounts
                    .iter()
                    .map(|a| Value::String(a.clone()))
                    .collect(),
            )
        }),
        "start_page_seconds" => Some(Value::Integer(ms.start_page_seconds.into())),
        "graph" => text(ms.graph.as_str().trim_end_matches('/')),
        "check_client_id" => text(&ms.check_client_id),
        _ => None,
    }
}

fn timeout(s: &Settings, key: &str) -> Option<Duration> {
    let t = &s.timeouts;
    Some(match key {
        "connect" => t.connect,
        "command" => t.command,
        "http" => t.http,
        "sign_in" => t.sign_in,
        "message_arrival" => t.message_arrival,
        "discovery" => t.discovery,
        "probe" => t.probe,
        _ => return None,
    })
}

/// A value as shown to a person: text as it is, numbers, lists joined with `, `.
pub(super) fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
