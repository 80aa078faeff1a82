//! Provider profiles: the providers' published defaults, settings overrides, discovery and stored
//! servers.

use super::*;
use crate::provider::*;

#[test]
fn microsoft_defaults_match_microsofts_documentation() {
    let p = microsoft365(&Settings::default());
    assert_eq!(
        p.smtp,
        Endpoint {
            host: "smtp.office365.com".into(),
            port: 587,
            security: Security::StartTls
        }
    );
    assert_eq!(
        p.imap,
        Endpoint {
            host: "outlook.office365.com".into(),
            port: 993,
            security: Security::ImplicitTls
        }
    );
    assert_eq!(
        p.oauth.as_ref().unwrap().authorize_url(),
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
    );
    assert_eq!(
        p.oauth.as_ref().unwrap().token_url(),
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"
    );
}

#[test]
fn field_f07_scopes_name_one_resource_only() {
    let p = microsoft365(&Settings::default());
    let resources: std::collections::BTreeSet<_> = p
        .oauth
        .as_ref()
        .unwrap()
        .scopes
        .iter()
        .filter_map(|s| s.strip_prefix("https://").and_then(|r| r.split('/').next()))
        .collect();
    assert_eq!(
        resources.into_iter().collect::<Vec<_>>(),
        ["outlook.office.com"]
    );
    for s in &p.oauth.as_ref().unwrap().scopes {
        assert!(
            s.starts_with("https://outlook.office.com/")
                || ["openid", "profile", "email", "offline_access"].contains(&s.as_str()),
            "{s}"
        );
    }
}

#[test]
fn settings_override_servers_and_authority() {
    let s = Settings::parse("[microsoft]\nauthority=\"https://127.0.0.1:9/base/\"\ntenant=\"t1\"\n[servers]\nsmtp=\"127.0.0.1:2587\"", None).unwrap();
    let p = microsoft365(&s);
    assert_eq!(p.smtp.label(), "127.0.0.1:2587");
    assert_eq!(p.imap.port, 993);
    assert_eq!(
        p.oauth.as_ref().unwrap().token_url(),
        "https://127.0.0.1:9/base/t1/oauth2/v2.0/token"
    );
}

fn discovery(
    found: crate::discovery::Found,
    servers: Option<MailServers>,
) -> crate::discovery::Discovery {
    crate::discovery::Discovery {
        domain: "x.example".into(),
        found,
        tenant_id: None,
        organization: None,
        cloud: None,
        mx: Vec::new(),
        summary: String::new(),
        notes: Vec::new(),
        servers,
    }
}

#[test]
fn google_uses_an_app_password_unless_google_sign_in_is_set_up() {
    use crate::discovery::Found;
    let addr = Address::parse("ann@school.example").unwrap();
    let d = discovery(Found::Google, None);
    let p = for_address(&addr, &Settings::default(), Some(&d), None);
    assert_eq!(p.kind, ProviderKind::Google);
    assert_eq!(p.smtp.label(), "smtp.gmail.com:587");
    assert_eq!(p.imap.label(), "imap.gmail.com:993");
    assert!(p.oauth.is_none());
    assert_eq!(p.default_method(), SignInMethod::Password);
    let s = Settings::parse(
        "[google]\nclient_id = \"1-a.apps.googleusercontent.com\"",
        None,
    )
    .unwrap();
    let p = for_address(&addr, &s, Some(&d), None);
    let o = p.oauth.as_ref().unwrap();
    assert_eq!(
        o.authorize_url(),
        "https://accounts.google.com/o/oauth2/v2/auth"
    );
    assert_eq!(o.token_url(), "https://oauth2.googleapis.com/token");
    assert_eq!(
        o.openid_configuration_url(),
        "https://accounts.google.com/.well-known/openid-configuration"
    );
    assert_eq!(o.scopes, ["https://mail.google.com/", "openid", "email"]);
    assert!(
        o.extra_authorize_params()
            .contains(&("access_type", "offline"))
    );
    assert_eq!(p.default_method(), SignInMethod::OAuth);
    assert!(p.password, "an App Password stays possible");
}

#[test]
fn personal_accounts_use_the_consumers_authority_and_their_own_registration() {
    let addr = Address::parse("kim@hotmail.com").unwrap();
    let s = Settings::parse("[microsoft]\nclient_id = \"11111111-2222-3333-4444-555555555555\"\n[outlook]\nclient_id = \"22222222-3333-4444-5555-666666666666\"", None).unwrap();
    let p = for_address(&addr, &s, None, None);
    assert_eq!(p.kind, ProviderKind::MicrosoftPersonal);
    let o = p.oauth.as_ref().unwrap();
    assert_eq!(o.tenant, "consumers");
    assert_eq!(
        o.client_id.as_deref(),
        Some("22222222-3333-4444-5555-666666666666")
    );
    assert_eq!(
        o.token_url(),
        "https://login.microsoftonline.com/consumers/oauth2/v2.0/token"
    );
    assert_eq!(p.smtp.label(), "smtp-mail.outlook.com:587");
    assert!(!p.password, "Microsoft refuses passwords for mail apps");
}

#[test]
fn other_providers_need_servers_and_sign_in_with_a_password() {
    use crate::discovery::Found;
    let addr = Address::parse("lee@small.example").unwrap();
    let none = for_address(
        &addr,
        &Settings::default(),
        Some(&discovery(Found::Unknown, None)),
        None,
    );
    assert!(!none.servers_known);
    let found = MailServers::typed(
        "imap.small.example:993",
        "smtp.small.example:465",
        Some("lee".into()),
    )
    .unwrap();
    assert_eq!(found.smtp.security, Security::ImplicitTls);
    let p = for_address(
        &addr,
        &Settings::default(),
        Some(&discovery(Found::Unknown, Some(found))),
        None,
    );
    assert!(p.servers_known);
    assert_eq!(p.default_method(), SignInMethod::Password);
    assert_eq!(p.login_for(&addr), "lee");
    assert!(
        MailServers::typed("imap.x:143", "smtp.x:587", None)
            .unwrap_err()
            .to_string()
            .contains("not encrypted")
    );
    assert!(
        MailServers::typed("imap.x:993", "smtp.x:25", None)
            .unwrap_err()
            .to_string()
            .contains("587")
    );
    assert_eq!(
        MailServers::typed("imap.x", "smtp.x:587", None)
            .unwrap_err()
            .to_string(),
        "IMAP server: \"imap.x\" needs a port, like smtp.example.edu:587"
    );
}

/// T16 (https://github.com/huacnlee/omamail/issues/230), the settings side: an empty tenant,
/// authority or client id in the settings file counts as missing (the default applies, never
/// an empty value), and what is then missing is a settings finding that names the key.
#[test]
fn field_t16_empty_settings_values_are_missing_and_the_finding_names_the_key() {
    let s = Settings::parse(
        "[microsoft]\ntenant = \"\"\nauthority = \" \"\nclient_id = \"\"\n[google]\nclient_id = \"\"",
        None,
    )
    .unwrap();
    let p = microsoft365(&s);
    let oauth = p.oauth.as_ref().unwrap();
    assert_eq!(oauth.tenant, "organizations");
    assert_eq!(
        oauth.authority.as_str(),
        "https://login.microsoftonline.com/"
    );
    let ann = crate::address::Address::parse("ann@example.edu").unwrap();
    let f = oauth_unavailable(&p, &ann).expect("no client id");
    assert_eq!(f.code, FindingCode::AppNotConfigured);
    assert!(
        f.steps.iter().any(|s| s.contains("[microsoft] client_id")),
        "{:?}",
        f.steps
    );
    let f = oauth_unavailable(&google(&s), &ann).unwrap();
    assert_eq!(f.code, FindingCode::GoogleSignInNotConfigured);
    assert!(f.steps.iter().any(|s| s.contains("[google] client_id")));
}

fn cloud_discovery(cloud: Option<Cloud>) -> crate::discovery::Discovery {
    crate::discovery::Discovery {
        domain: "agency.example.gov".into(),
        found: crate::discovery::Found::Microsoft365,
        tenant_id: Some("6a7c0b1e-0000-4000-8000-000000000001".into()),
        organization: None,
        cloud,
        mx: Vec::new(),
        summary: String::new(),
        notes: Vec::new(),
        servers: None,
    }
}

/// The cloud of each of a profile's parts: sign-in address, permissions, sending and mailbox
/// servers (`None` for a part that belongs to no known cloud, such as a proxy).
fn clouds_of(p: &Profile) -> [Option<Cloud>; 4] {
    let oauth = p.oauth.as_ref().unwrap();
    let resource = oauth.scopes[0].rsplit_once('/').unwrap().0.to_owned();
    [
        Cloud::of_authority(&oauth.authority),
        Cloud::ALL
            .into_iter()
            .find(|c| c.mail_resource() == resource),
        Cloud::of_mail_host(&p.smtp.host),
        Cloud::of_mail_host(&p.imap.host),
    ]
}

/// N06 (https://github.com/ecederstrand/exchangelib/issues/1063,
/// https://github.com/mguessan/davmail/issues/284): an authority alone for the US Government
/// cloud brings that cloud's mail servers and permissions; a cloud and an authority or a server
/// of another cloud are refused with the key named.
#[test]
fn field_n06_an_authority_alone_brings_its_cloud_and_mixed_clouds_are_refused() {
    let s = Settings::parse(
        "[microsoft]\nauthority = \"https://login.microsoftonline.us\"",
        None,
    )
    .unwrap();
    assert_eq!(s.microsoft.cloud, Cloud::UsGov);
    let p = microsoft365(&s);
    assert_eq!(clouds_of(&p), [Some(Cloud::UsGov); 4]);
    assert_eq!(p.smtp.host, "smtp.office365.us");
    assert_eq!(p.imap.host, "outlook.office365.us");
    assert_eq!(
        p.oauth.unwrap().scopes[0],
        "https://outlook.office365.us/SMTP.Send"
    );
    for (toml, field) in [
        (
            "[microsoft]\ncloud = \"global\"\nauthority = \"https://login.microsoftonline.us\"",
            "microsoft.authority",
        ),
        (
            "[microsoft]\ncloud = \"usgov\"\n[servers]\nsmtp = \"smtp.office365.com:587\"",
            "servers.smtp",
        ),
        (
            "[microsoft]\nauthority = \"https://login.microsoftonline.us\"\n[servers]\nimap = \"outlook.office365.com:993\"",
            "servers.imap",
        ),
    ] {
        let e = Settings::parse(toml, None).unwrap_err();
        assert_eq!(e.field, field, "{toml}");
        assert!(
            e.problem.contains("one cloud") || e.problem.contains("cloud"),
            "{}",
            e.problem
        );
        let f = crate::findings::Finding::from(e.clone());
        assert_eq!(f.code, FindingCode::SettingsInvalid, "{toml}");
        assert!(f.to_text().contains(field), "{}", f.to_text());
    }
    // A proxy or test authority stays as written; the cloud is then the one named.
    let s = Settings::parse(
        "[microsoft]\ncloud = \"usgov\"\nauthority = \"https://127.0.0.1:8443\"",
        None,
    )
    .unwrap();
    let p = microsoft365(&s);
    assert_eq!(
        p.oauth.as_ref().unwrap().authority.as_str(),
        "https://127.0.0.1:8443/"
    );
    assert_eq!(clouds_of(&p)[1..], [Some(Cloud::UsGov); 3]);
}

/// N06: the cloud discovery finds (Entra's `cloud_instance_name`) is used when the settings
/// chose none; when they chose another, the sign-in does not start and the mismatch is named.
#[test]
fn field_n06_the_cloud_discovery_finds_is_used_or_the_mismatch_is_named() {
    let ann = crate::address::Address::parse("ann@agency.example.gov").unwrap();
    let s = Settings::default();
    let found = cloud_discovery(Some(Cloud::UsGov));
    let p = for_address(&ann, &s, Some(&found), None);
    assert_eq!(clouds_of(&p), [Some(Cloud::UsGov); 4]);
    assert!(cloud_conflict(&s, &found).is_none());
    let chosen = Settings::parse("[microsoft]\ncloud = \"global\"", None).unwrap();
    let p = for_address(&ann, &chosen, Some(&found), None);
    assert_eq!(
        clouds_of(&p),
        [Some(Cloud::Global); 4],
        "the settings' choice, whole"
    );
    let f = cloud_conflict(&chosen, &found).expect("named").finish();
    assert_eq!(f.code, FindingCode::NationalCloudMismatch);
    assert_eq!(f.audience, crate::findings::Audience::Admin);
    assert!(
        f.explanation.contains("Microsoft 365 US Government"),
        "{}",
        f.explanation
    );
    assert!(cloud_conflict(&chosen, &cloud_discovery(Some(Cloud::Global))).is_none());
    assert!(cloud_conflict(&chosen, &cloud_discovery(None)).is_none());
}

/// N06: whatever the settings and discovery say, a profile's sign-in address, permissions and
/// mail servers come from one cloud.
#[test]
fn field_n06_a_profile_never_mixes_two_clouds() {
    let ann = crate::address::Address::parse("ann@agency.example.gov").unwrap();
    let names = [None, Some("global"), Some("usgov"), Some("china")];
    for name in names {
        let toml = name.map_or(String::new(), |n| format!("[microsoft]\ncloud = \"{n}\""));
        let s = Settings::parse(&toml, None).unwrap();
        for found in [
            None,
            Some(Cloud::Global),
            Some(Cloud::UsGov),
            Some(Cloud::China),
        ] {
            let p = for_address(&ann, &s, Some(&cloud_discovery(found)), None);
            let parts = clouds_of(&p);
            assert!(
                parts.iter().all(|c| c.is_some() && *c == parts[0]),
                "{toml:?} + {found:?}: {parts:?}"
            );
        }
    }
}
