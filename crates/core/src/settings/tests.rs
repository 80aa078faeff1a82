//! Settings: parsing, defaults, and every field's error naming the field.
use super::*;
use crate::provider::{LoopbackHost, RedirectForm};
use std::time::Duration;

#[test]
fn defaults_point_at_microsoft() {
    let s = Settings::parse("", None).unwrap();
    assert_eq!(
        s.microsoft.authority.as_str(),
        "https://login.microsoftonline.com/"
    );
    assert_eq!(s.microsoft.tenant, "organizations");
    assert_eq!(s.microsoft.client_id, None);
    assert_eq!(s.microsoft.redirect, RedirectForm::default());
    assert_eq!(s.timeouts.sign_in, Duration::from_secs(300));
}

#[test]
fn empty_values_count_as_missing() {
    let s = Settings::parse(
        "[microsoft]\ntenant = \"\"\nclient_id = \"  \"\nredirect=\"\"\n[servers]\nsmtp=\"\"",
        None,
    )
    .unwrap();
    assert!(s.origins.is_empty(), "nothing counts as set");
    assert_eq!(
        Settings {
            sources: Vec::new(),
            ..s
        },
        Settings::default()
    );
}

#[test]
fn full_file_parses() {
    let s = Settings::parse(
        r#"
        [microsoft]
        authority = "https://127.0.0.1:8443/"
        tenant = "Contoso.onmicrosoft.com"
        client_id = "11111111-2222-3333-4444-55555555555A"
        redirect = "http://127.0.0.1/callback"
        [servers]
        smtp = "SMTP.example.edu:587"
        imap = "[::1]:993"
        [timeouts]
        sign_in = 2
        "#,
        None,
    )
    .unwrap();
    assert_eq!(s.microsoft.authority.as_str(), "https://127.0.0.1:8443/");
    assert_eq!(s.microsoft.tenant, "contoso.onmicrosoft.com");
    assert_eq!(
        s.microsoft.client_id.as_deref(),
        Some("11111111-2222-3333-4444-55555555555a")
    );
    assert_eq!(
        s.microsoft.redirect.uri(5000).as_str(),
        "http://127.0.0.1:5000/callback"
    );
    assert_eq!(
        s.microsoft.redirect.registered(),
        "http://127.0.0.1/callback"
    );
    assert_eq!(RedirectForm::default().registered(), "http://localhost");
    assert_eq!(
        s.smtp,
        Some(HostPort {
            host: "smtp.example.edu".into(),
            port: 587
        })
    );
    assert_eq!(s.imap.as_ref().unwrap().to_string(), "[::1]:993");
    assert_eq!(s.timeouts.sign_in, Duration::from_secs(2));
}

fn field_of(toml: &str) -> (String, String) {
    let e = Settings::parse(toml, None).unwrap_err();
    (e.field, e.problem)
}

#[test]
fn invalid_values_fail_with_the_field_named() {
    let cases = [
        (
            "[microsoft]\nauthority = \"http://login.example\"",
            "microsoft.authority",
            "https",
        ),
        (
            "[microsoft]\nclient_id = \"my-secret-value\"",
            "microsoft.client_id",
            "client) ID",
        ),
        (
            // Read by the URL standard as login.microsoftonline.com without the tab.
            "[microsoft]\nauthority = \"https://login.evil\\tmicrosoftonline.com\"",
            "microsoft.authority",
            "control character",
        ),
        (
            "[microsoft]\nauthority = \"https://ann:Secret1@login.example\"",
            "microsoft.authority",
            "user name or password",
        ),
        (
            "[microsoft]\ntenant = \"con toso\"",
            "microsoft.tenant",
            "tenant id",
        ),
        (
            "[microsoft]\nredirect = \"http://localhost:8080\"",
            "microsoft.redirect",
            "port",
        ),
        (
            "[microsoft]\nredirect = \"http://[::1]\"",
            "microsoft.redirect",
            "not supported",
        ),
        (
            "[microsoft]\nredirect = \"https://localhost\"",
            "microsoft.redirect",
            "http://",
        ),
        (
            "[servers]\nsmtp = \"smtp.example.edu\"",
            "servers.smtp",
            "port",
        ),
        (
            "[servers]\nimap = \"imap.example.edu:99999\"",
            "servers.imap",
            "port number",
        ),
        (
            "[timeouts]\nconnect = 0",
            "timeouts.connect",
            "out of range",
        ),
        (
            "[tls]\nextra_ca_file = \"/nonexistent/ca.pem\"",
            "tls.extra_ca_file",
            "cannot read",
        ),
        (
            "[microsoft]\nclient_secret = \"x\"",
            "microsoft.client_secret",
            "unknown field",
        ),
        (
            "[microsoft]\ntenant = 5",
            "microsoft.tenant",
            "invalid type",
        ),
    ];
    for (toml, field, words) in cases {
        let (f, p) = field_of(toml);
        assert_eq!(f, field, "{toml}");
        assert!(p.contains(words), "{toml}: {p}");
    }
    let e = Settings::parse(
        "[microsoft]\nauthority = \"https://ann:Secret1@login.example\"",
        None,
    )
    .unwrap_err();
    assert!(!e.to_string().contains("Secret1"), "{e}");
    let e = Settings::parse("[microsoft\n", None).unwrap_err();
    assert!(e.problem.contains("line 1"), "{}", e.problem);
}

#[test]
fn load_names_the_file_and_resolves_relative_ca_paths() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), "not a cert").unwrap();
    let file = dir.path().join("s.toml");
    std::fs::write(&file, "[tls]\nextra_ca_file = \"ca.pem\"\n").unwrap();
    let e = Settings::load(&file).unwrap_err();
    assert_eq!(
        e.source,
        Some(Origin::ConfigFile(file.display().to_string()))
    );
    assert!(e.to_string().contains("field `tls.extra_ca_file`"), "{e}");
    assert!(e.problem.contains("no PEM certificate"), "{}", e.problem);
}

#[test]
fn provider_sections_are_checked_when_loaded() {
    let s = Settings::parse(
        "[google]\nclient_id = \"1-abc.apps.googleusercontent.com\"\ntoken_url = \"https://127.0.0.1:9/google/token\"\n[outlook]\nclient_id = \"22222222-3333-4444-5555-666666666666\"\n[autoconfig]\nispdb = \"https://ispdb.example/v1.1\"\n[timeouts]\nprobe = 2.5",
        None,
    )
    .unwrap();
    assert_eq!(
        s.google.client_id.as_deref(),
        Some("1-abc.apps.googleusercontent.com")
    );
    assert_eq!(
        s.google.token_url.as_str(),
        "https://127.0.0.1:9/google/token"
    );
    assert_eq!(
        s.google.authorize_url.as_str(),
        "https://accounts.google.com/o/oauth2/v2/auth"
    );
    assert_eq!(
        s.outlook.client_id.as_deref(),
        Some("22222222-3333-4444-5555-666666666666")
    );
    assert_eq!(
        s.autoconfig.ispdb.as_str(),
        "https://ispdb.example/v1.1/",
        "a trailing slash is added"
    );
    assert_eq!(s.timeouts.probe, Duration::from_millis(2500));
    for (text, field) in [
        (
            "[google]\nclient_id = \"not-a-google-id\"",
            "google.client_id",
        ),
        (
            "[google]\ntoken_url = \"http://oauth2.googleapis.com/token\"",
            "google.token_url",
        ),
        ("[outlook]\nclient_id = \"outlook\"", "outlook.client_id"),
        ("[autoconfig]\nispdb = \"ftp://x\"", "autoconfig.ispdb"),
        ("[timeouts]\nprobe = 0.01", "timeouts.probe"),
    ] {
        let e = Settings::parse(text, None).unwrap_err();
        assert_eq!(e.field, field, "{text}: {e}");
    }
    let blank = Settings::parse("[timeouts]\nconnect = \"\"\nprobe = \"1.5\"", None).unwrap();
    assert_eq!(
        blank.timeouts.connect,
        Duration::from_secs(10),
        "empty means the default"
    );
    assert_eq!(blank.timeouts.probe, Duration::from_millis(1500));
    assert_eq!(
        Settings::parse("[timeouts]\nconnect = \"ten\"", None)
            .unwrap_err()
            .field,
        "timeouts.connect"
    );
    let empty = Settings::parse("[google]\nclient_id = \"\"", None).unwrap();
    assert!(empty.google.client_id.is_none(), "empty counts as missing");
}

/// Pins the `expect` in [`RedirectForm::uri`]: every form the constructors make gives a valid
/// URI on any port.
#[test]
fn a_redirect_form_gives_a_uri_on_any_port() {
    let google = RedirectForm::without_path(LoopbackHost::Ipv4);
    assert_eq!(google, RedirectForm::parse("http://127.0.0.1").unwrap());
    assert_eq!((google.host(), google.path()), (LoopbackHost::Ipv4, "/"));
    assert_eq!(google.uri(65535).as_str(), "http://127.0.0.1:65535/");
    let odd = RedirectForm::parse("http://localhost//cb path/ä").unwrap();
    assert_eq!(odd.host(), LoopbackHost::Localhost);
    assert_eq!(odd.uri(1).as_str(), "http://localhost:1//cb%20path/%C3%A4");
    assert_eq!(odd.uri(1).path(), odd.path());
    assert_eq!(odd.registered(), "http://localhost//cb%20path/%C3%A4");
}

/// Pins the constant authority URLs of every cloud (`Cloud::authority`).
#[test]
fn every_cloud_names_its_authority() {
    for (cloud, authority) in [
        ("global", "https://login.microsoftonline.com/"),
        ("usgov", "https://login.microsoftonline.us/"),
        ("china", "https://login.partner.microsoftonline.cn/"),
    ] {
        let s = Settings::parse(&format!("[microsoft]\ncloud = \"{cloud}\""), None).unwrap();
        assert_eq!(s.microsoft.authority.as_str(), authority, "{cloud}");
    }
}

/// Pins Microsoft Graph's service root of every cloud (`Cloud::graph`), and its override for the
/// registration check (tests point it at the local provider).
#[test]
fn every_cloud_names_its_graph() {
    for (cloud, graph) in [
        ("global", "https://graph.microsoft.com/"),
        ("usgov", "https://graph.microsoft.us/"),
        ("china", "https://microsoftgraph.chinacloudapi.cn/"),
    ] {
        let s = Settings::parse(&format!("[microsoft]\ncloud = \"{cloud}\""), None).unwrap();
        assert_eq!(s.microsoft.graph.as_str(), graph, "{cloud}");
    }
    let s = Settings::parse(
        "[microsoft]\ncloud = \"usgov\"\ngraph = \"https://127.0.0.1:8443/graph/\"\ncheck_client_id = \"11111111-2222-3333-4444-555555555555\"",
        None,
    )
    .unwrap();
    assert_eq!(s.microsoft.graph.as_str(), "https://127.0.0.1:8443/graph");
    assert_eq!(
        s.microsoft.check_client_id,
        "11111111-2222-3333-4444-555555555555"
    );
    assert_eq!(
        Settings::default().microsoft.check_client_id,
        crate::provider::GRAPH_TOOLS_CLIENT_ID
    );
    for (text, field) in [
        ("graph = \"http://graph.example\"", "microsoft.graph"),
        (
            "check_client_id = \"graph-tools\"",
            "microsoft.check_client_id",
        ),
    ] {
        let e = Settings::parse(&format!("[microsoft]\n{text}"), None).unwrap_err();
        assert_eq!(e.field, field, "{e}");
    }
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_parsing() {
    // Comments only: valid TOML, so only the size can refuse it.
    let big = "# a comment line that pads the file\n".repeat(MAX_FILE_BYTES / 36 + 1);
    let e = Settings::parse(&big, None).unwrap_err();
    assert!(e.problem.contains("more than any settings file"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, &big).unwrap();
    let e = Settings::load(&path).unwrap_err();
    assert!(e.problem.contains("more than any settings file"), "{e}");
    assert_eq!(
        e.source.as_ref().and_then(|o| o.place()).map(str::to_owned),
        Some(path.display().to_string())
    );
    // Just under the cap, the same lines are read.
    let under = "# a comment line that pads the file\n".repeat(MAX_FILE_BYTES / 36);
    let read = Settings::parse(&under, None).unwrap();
    assert_eq!(read.microsoft, Settings::default().microsoft);
    assert_eq!(read.origins, Settings::default().origins, "nothing set");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_named_pipe_as_the_ca_file_is_refused_before_it_is_opened() {
    // `/dev/zero` would be read forever; opening a named pipe waits for a writer that never
    // comes (the settings would never finish loading).
    let e = Settings::parse("[tls]\nextra_ca_file = \"/dev/zero\"", None).unwrap_err();
    assert_eq!(e.field, "tls.extra_ca_file");
    assert!(e.problem.contains("not a regular file"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ca.pem");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let toml = format!("[tls]\nextra_ca_file = \"{}\"", fifo.display());
    let e = Settings::parse(&toml, None).unwrap_err();
    assert!(e.problem.contains("not a regular file"), "{e}");
}

#[test]
fn parsing_for_the_fuzzer_never_reads_the_ca_file() {
    let s =
        Settings::parse_without_files("[tls]\nextra_ca_file = \"/nonexistent/ca.pem\"").unwrap();
    assert_eq!(s.extra_ca_pem, None);
}
