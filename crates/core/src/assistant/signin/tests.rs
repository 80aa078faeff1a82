//! The sign-in's stages and decisions, without a server, a browser or an OS vault: the token
//! checks, the organisation expected, and the stages after the tokens (identity, park, confirm,
//! store) over in-memory seams with production-sized tokens.

use secrecy::ExposeSecret;

use crate::accounts::AccountStore;

use super::context::{SecretPolicy, context_for, expectations};
use super::*;
use crate::assistant::fakes::{NOW, entra_tokens, harness};
use crate::discovery::{Discovery, Found};
use crate::oauth::loopback::Reply;
use crate::provider::ProviderKind;
use crate::settings::{ClientType, Settings};
use crate::vault::Credential;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT: &str = "11111111-2222-3333-4444-555555555555";

fn settings() -> Settings {
    let mut s = Settings::default();
    s.microsoft.client_id = Some(CLIENT.into());
    s
}

fn discovery(found: Found, tenant: Option<&str>) -> Discovery {
    Discovery {
        domain: "example.edu".into(),
        found,
        tenant_id: tenant.map(str::to_owned),
        organization: None,
        cloud: None,
        mx: Vec::new(),
        summary: String::new(),
        notes: Vec::new(),
        servers: None,
    }
}

fn addr(a: &str) -> Address {
    Address::parse(a).unwrap()
}

fn ctx_for(s: &Settings, mailbox: &Address) -> SignInContext {
    let profile = crate::profile::microsoft365(s);
    let d = discovery(Found::Microsoft365, Some(TENANT));
    context_for(&profile, &s.microsoft, &d, mailbox, None).unwrap_or_else(|f| panic!("{f}"))
}

#[test]
fn a_missing_refresh_token_is_named_for_the_provider_that_did_not_issue_it() {
    let mut t = entra_tokens("ann@example.edu", TENANT, CLIENT, None);
    t.refresh_token = None;
    let f = grant::check(t, OAuthFlavour::Google).err().unwrap();
    assert_eq!(f.code, FindingCode::TokenIncomplete);
    assert!(
        f.to_text().contains("Google did not issue"),
        "{}",
        f.to_text()
    );
    assert!(!f.to_text().contains("Microsoft"), "{}", f.to_text());
    let mut t = entra_tokens("ann@example.edu", TENANT, CLIENT, None);
    t.refresh_token = None;
    let f = grant::check(t, OAuthFlavour::Entra).err().unwrap();
    assert!(
        f.to_text().contains("Microsoft did not issue"),
        "{}",
        f.to_text()
    );
}

#[test]
fn the_grant_needs_both_mail_permissions_and_an_exchange_token() {
    let (grant, detail) = grant::check(
        entra_tokens("ann@example.edu", TENANT, CLIENT, None),
        OAuthFlavour::Entra,
    )
    .unwrap_or_else(|f| panic!("{f}"));
    assert!(grant.refresh_token.expose_secret().len() > 1_500);
    assert!(detail.contains("SMTP.Send"), "{detail}");

    let mut t = entra_tokens("ann@example.edu", TENANT, CLIENT, None);
    t.scopes = Some(vec![
        "https://outlook.office.com/IMAP.AccessAsUser.All".into(),
    ]);
    let f = grant::check(t, OAuthFlavour::Entra).err().unwrap();
    assert_eq!(f.code, FindingCode::TokenIncomplete);
    assert!(f.to_text().contains("SMTP.Send"), "{}", f.to_text());

    let mut t = entra_tokens("ann@example.edu", TENANT, CLIENT, None);
    t.access_token = crate::assistant::fakes::jwt(
        serde_json::json!({"aud": "https://graph.microsoft.com", "scp": "User.Read"}),
        2_500,
    )
    .into();
    let f = grant::check(t, OAuthFlavour::Entra).err().unwrap();
    assert_eq!(f.code, FindingCode::TokenWrongResource);
}

#[test]
fn the_organisation_expected_comes_from_the_settings_then_discovery() {
    let mut s = settings();
    let ann = addr("ann@example.edu");
    let found = discovery(Found::Microsoft365, Some("discovered-tenant"));
    let m365 = |s: &Settings| {
        expectations(
            ProviderKind::Microsoft365,
            OAuthFlavour::Entra,
            &s.microsoft,
            &found,
            &ann,
        )
    };
    assert_eq!(
        m365(&s),
        (Some("discovered-tenant".into()), SecretPolicy::None)
    );
    s.microsoft.tenant = TENANT.into();
    s.microsoft.tenant_provisioned = true;
    s.microsoft.client_type = ClientType::Confidential;
    assert_eq!(m365(&s), (Some(TENANT.into()), SecretPolicy::Required));

    let google = |a: &Address| {
        expectations(
            ProviderKind::Google,
            OAuthFlavour::Google,
            &s.microsoft,
            &found,
            a,
        )
    };
    assert_eq!(
        google(&addr("bob@school.example")),
        (Some("school.example".into()), SecretPolicy::IfStored)
    );
    assert_eq!(
        google(&addr("bob@gmail.com")),
        (None, SecretPolicy::IfStored)
    );
    let personal = expectations(
        ProviderKind::MicrosoftPersonal,
        OAuthFlavour::Entra,
        &s.microsoft,
        &found,
        &addr("ann@outlook.com"),
    );
    assert_eq!(personal, (None, SecretPolicy::None));
}

#[test]
fn without_a_client_id_the_sign_in_does_not_start() {
    let s = Settings::default();
    let profile = crate::profile::microsoft365(&s);
    let d = discovery(Found::Microsoft365, None);
    let f = context_for(&profile, &s.microsoft, &d, &addr("ann@example.edu"), None)
        .err()
        .unwrap();
    assert_eq!(f.code, FindingCode::AppNotConfigured);
}

#[tokio::test]
async fn the_right_account_is_stored_with_production_sized_tokens() {
    let h = harness(settings());
    let ann = addr("Ann@Example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let tokens = entra_tokens("ann@example.edu", TENANT, CLIENT, Some("n-1"));
    let ending = h
        .assistant
        .after_tokens(
            &ann,
            ctx_for(&settings(), &ann),
            tokens,
            Some("n-1"),
            Reply::none(),
            &run,
        )
        .await
        .unwrap_or_else(|f| panic!("{f}"));
    assert!(matches!(ending, Ending::Stored(_)));
    let record = h.assistant.vault.load(&ann).await.unwrap().expect("stored");
    let Credential::RefreshToken(rt) = &record.credential else {
        panic!("a refresh token")
    };
    assert_eq!(rt.expose_secret().len(), 1_524);
    assert_eq!(record.tenant, TENANT);
    assert_eq!(record.saved_at, NOW);
    let cached = h.assistant.vault.load_access_token(&ann).await.unwrap();
    assert!(cached.expect("cached").token.expose_secret().len() >= 2_900);
    let listed = h.accounts.get(&ann).unwrap().expect("listed");
    assert_eq!(
        (listed.added_at, listed.signed_in_as.as_deref()),
        (NOW, Some("ann@example.edu"))
    );
    let steps: Vec<Step> = run.into_records().iter().map(|r| r.step).collect();
    assert_eq!(
        steps,
        [Step::TokenCheck, Step::AccountCheck, Step::VaultStore]
    );
}

#[tokio::test]
async fn a_refused_account_or_a_forged_nonce_stores_nothing() {
    let h = harness(settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let cases = [
        (
            entra_tokens("admin@example.edu", TENANT, CLIENT, Some("n-1")),
            FindingCode::SignedInAsAdmin,
        ),
        (
            entra_tokens("ann@other.example", "another-tenant", CLIENT, Some("n-1")),
            FindingCode::SignedInAsDifferentAccount,
        ),
        (
            entra_tokens("ann@example.edu", TENANT, CLIENT, Some("forged")),
            FindingCode::IdTokenInvalid,
        ),
    ];
    for (tokens, code) in cases {
        let run = Run::new(&sink);
        let ctx = ctx_for(&settings(), &ann);
        let f = h
            .assistant
            .after_tokens(&ann, ctx, tokens, Some("n-1"), Reply::none(), &run)
            .await
            .err()
            .expect("refused");
        assert_eq!(f.code, code);
        assert!(h.assistant.vault.load(&ann).await.unwrap().is_none());
        assert!(h.accounts.list().unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_related_account_waits_for_confirmation_then_expires() {
    let h = harness(settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let alias = || entra_tokens("a.lee@example.edu", TENANT, CLIENT, Some("n-1"));
    let sign_in = || async {
        let run = Run::new(&sink);
        let ctx = ctx_for(&settings(), &ann);
        h.assistant
            .after_tokens(&ann, ctx, alias(), Some("n-1"), Reply::none(), &run)
            .await
    };
    let Ok(Ending::Confirm(question)) = sign_in().await else {
        panic!("a related account asks")
    };
    assert_eq!(question.signed_in, "a.lee@example.edu");
    assert!(
        h.assistant.vault.load(&ann).await.unwrap().is_none(),
        "not yet stored"
    );
    let outcome = h.assistant.confirm_sign_in(&ann, true, &sink).await;
    assert!(outcome.passed, "{outcome:?}");
    assert_eq!(
        outcome.account.unwrap().signed_in_as.as_deref(),
        Some("a.lee@example.edu")
    );
    assert!(h.assistant.vault.load(&ann).await.unwrap().is_some());

    // Parked again, but the person answers after the 10 minutes: nothing is stored.
    h.assistant.forget(&ann).await.unwrap();
    assert!(matches!(sign_in().await, Ok(Ending::Confirm(_))));
    h.clock.advance(CONFIRMATION_TTL.as_secs());
    let late = h.assistant.confirm_sign_in(&ann, true, &sink).await;
    assert!(!late.passed);
    assert_eq!(
        late.findings().next().unwrap().code,
        FindingCode::SigninCancelled
    );
    assert!(h.assistant.vault.load(&ann).await.unwrap().is_none());
}

#[tokio::test]
async fn declining_a_related_account_says_how_to_pick_the_right_one() {
    let h = harness(settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let tokens = entra_tokens("a.lee@example.edu", TENANT, CLIENT, None);
    let ctx = ctx_for(&settings(), &ann);
    let parked = h
        .assistant
        .after_tokens(&ann, ctx, tokens, None, Reply::none(), &run)
        .await;
    assert!(matches!(parked, Ok(Ending::Confirm(_))));
    let no = h.assistant.confirm_sign_in(&ann, false, &sink).await;
    let f = no.findings().next().expect("a finding");
    assert_eq!(f.code, FindingCode::SignedInAsDifferentAccount);
    assert!(f.title.contains("a.lee@example.edu"), "{}", f.title);
    assert!(h.assistant.vault.load(&ann).await.unwrap().is_none());
    assert_eq!(
        h.endpoint.calls.load(std::sync::atomic::Ordering::SeqCst),
        0
    );
}

/// A browser that does what a person's browser and the provider do together
/// ([`sign_in_at`]).
struct ScriptedBrowser {
    endpoint: std::sync::Arc<crate::assistant::fakes::ScriptedEndpoint>,
    username: &'static str,
}

fn http_get(url: &url::Url) -> String {
    use std::io::{Read, Write};
    let mut s =
        std::net::TcpStream::connect((url.host_str().unwrap(), url.port().unwrap())).unwrap();
    let target = &url[url::Position::BeforePath..];
    let host = &url[url::Position::BeforeHost..url::Position::AfterPort];
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    body
}

/// What a person does with the start page's link in a browser, together with the provider:
/// opens it, goes on to the authorization URL, and comes back to the redirect URI with a code
/// and the request's `state` — after queueing the provider's token answer (with the `nonce`).
fn sign_in_at(
    start: &url::Url,
    endpoint: &crate::assistant::fakes::ScriptedEndpoint,
    username: &str,
) {
    let page = http_get(start);
    let href = page
        .split("href=\"")
        .nth(1)
        .unwrap_or_else(|| panic!("the start page links on: {page}"))
        .split('"')
        .next()
        .unwrap();
    let authorize = url::Url::parse(&href.replace("&amp;", "&")).unwrap();
    let param = |k: &str| {
        authorize
            .query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    let nonce = param("nonce");
    endpoint.answer(Ok(entra_tokens(username, TENANT, CLIENT, Some(&nonce))));
    let mut back = url::Url::parse(&param("redirect_uri")).unwrap();
    back.query_pairs_mut()
        .append_pair("code", "0.AV0A-authorization-code")
        .append_pair("state", &param("state"));
    http_get(&back);
}

impl crate::browser::Browser for ScriptedBrowser {
    fn open(&self, start: &url::Url) -> Result<(), crate::browser::BrowserError> {
        let (start, endpoint, username) = (start.clone(), self.endpoint.clone(), self.username);
        std::thread::spawn(move || sign_in_at(&start, &endpoint, username));
        Ok(())
    }
}

#[tokio::test]
async fn the_whole_browser_sign_in_runs_over_the_fakes() {
    let mut s = settings();
    s.microsoft.tenant = TENANT.into();
    s.microsoft.tenant_provisioned = true;
    s.microsoft.start_page_seconds = 0;
    let h = harness(s);
    let ann = addr("ann@example.edu");
    // Discovery ran before in this process (the connection check): no lookup now.
    let found = discovery(Found::Microsoft365, Some(TENANT));
    h.assistant.memory.keep_discovery(&ann, found);
    let mut opts = SignInOptions::new(std::sync::Arc::new(ScriptedBrowser {
        endpoint: h.endpoint.clone(),
        username: "ann@example.edu",
    }));
    opts.timeout = Some(Duration::from_secs(20));
    let sink = crate::progress::ignore();
    let outcome = h.assistant.sign_in(&ann, &opts, &sink).await;
    assert!(
        outcome.passed,
        "{:?}",
        outcome.findings().collect::<Vec<_>>()
    );
    let steps: Vec<Step> = outcome.steps.iter().map(|r| r.step).collect();
    for step in [
        Step::Loopback,
        Step::OpenBrowser,
        Step::BrowserSignIn,
        Step::CodeExchange,
        Step::TokenCheck,
        Step::AccountCheck,
        Step::VaultStore,
    ] {
        assert!(steps.contains(&step), "{step:?} in {steps:?}");
    }
    assert_eq!(
        h.endpoint.calls.load(std::sync::atomic::Ordering::SeqCst),
        1
    );
    assert!(h.assistant.vault.load(&ann).await.unwrap().is_some());
}

#[test]
fn the_account_picker_never_comes_with_a_login_hint() {
    let ann = addr("ann@example.edu");
    let ctx = ctx_for(&settings(), &ann);
    let picker = super::browser::hints(&ann, true, &ctx);
    assert_eq!(picker.prompt.as_deref(), Some("select_account"));
    assert!(picker.login_hint.is_none() && picker.domain_hint.is_none());
    let hinted = super::browser::hints(&ann, false, &ctx);
    assert_eq!(hinted.login_hint.as_deref(), Some("ann@example.edu"));
    assert_eq!(
        hinted.domain_hint.as_deref(),
        Some("example.edu"),
        "a known tenant"
    );
    assert!(hinted.prompt.is_none());
}

/// Settings whose servers and discovery answer at once from nothing (closed local ports), so
/// a stage test never waits for the network.
fn offline_settings() -> Settings {
    let mut s = settings();
    s.smtp = Some(crate::provider::HostPort::parse("127.0.0.1:1").unwrap());
    s.imap = Some(crate::provider::HostPort::parse("127.0.0.1:1").unwrap());
    s.microsoft.authority = url::Url::parse("https://127.0.0.1:1").unwrap();
    s.dns_server = Some("127.0.0.1:1".parse().unwrap());
    s.timeouts.discovery = std::time::Duration::from_millis(200);
    s.timeouts.connect = std::time::Duration::from_millis(500);
    s
}

/// N07 (https://github.com/DougHennig/SFMail/issues/15): MFA switched on after the sign-in; the
/// renewal is refused with a claims challenge. The mailbox's next browser sign-in (in this
/// process or another) carries it in the authorization request's `claims` parameter, with
/// `login_hint`.
#[tokio::test]
async fn field_n07_a_renewal_challenge_goes_into_the_next_authorization_request() {
    let mut h = harness(offline_settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let tokens = entra_tokens("ann@example.edu", TENANT, CLIENT, Some("n-1"));
    h.assistant
        .after_tokens(
            &ann,
            ctx_for(&settings(), &ann),
            tokens,
            Some("n-1"),
            Reply::none(),
            &run,
        )
        .await
        .unwrap_or_else(|f| panic!("{f}"));
    h.assistant.vault.delete_access_token(&ann).await.unwrap();
    let challenge = r#"{"access_token":{"capolids":{"essential":true,"values":["5f2d9a1e-0000-4000-8000-000000000000"]}}}"#;
    let refused: crate::findings::classify::EntraError = serde_json::from_str(&format!(
        r#"{{"error":"interaction_required","error_description":"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.","error_codes":[50076],"claims":{},"suberror":"basic_action"}}"#,
        serde_json::to_string(challenge).unwrap()
    ))
    .unwrap();
    h.endpoint.answer(Err(crate::findings::classify::entra(
        &refused,
        crate::findings::classify::EntraPhase::Refresh,
    )));
    let outcome = h
        .assistant
        .verify(&ann, crate::assistant::VerifyOptions::default(), &sink)
        .await;
    assert!(!outcome.passed);
    let codes: Vec<_> = outcome.findings().map(|f| f.code).collect();
    assert!(codes.contains(&FindingCode::MfaRequired), "{codes:?}");
    assert!(
        h.assistant.vault.load(&ann).await.unwrap().is_some(),
        "the sign-in and its settings are kept"
    );
    // Saved with the account too: the next sign-in may be another process (`mailsetup verify`
    // then `mailsetup signin`), which starts with an empty memory.
    let saved = h.accounts.get(&ann).unwrap().unwrap().claims_challenge;
    assert_eq!(saved.as_ref().map(|c| c.as_str()), Some(challenge));
    h.assistant.memory = crate::assistant::memory::Memory::default();
    // The next sign-in's request.
    let run = Run::new(&sink);
    let opts = SignInOptions::new(std::sync::Arc::new(crate::browser::SystemBrowser));
    let ctx = h
        .assistant
        .context(&ann, &opts, &run)
        .await
        .unwrap_or_else(|f| panic!("{f}"));
    let request = crate::oauth::client::authorization_request(
        &ctx.profile,
        &url::Url::parse("http://localhost:5000/").unwrap(),
        &browser::hints(&ann, false, &ctx),
    )
    .unwrap();
    let query: std::collections::HashMap<_, _> = request.url.query_pairs().into_owned().collect();
    assert_eq!(query.get("claims").map(String::as_str), Some(challenge));
    assert_eq!(
        query.get("login_hint").map(String::as_str),
        Some("ann@example.edu")
    );
}

/// N02 (https://github.com/block/buzz/pull/1264): on macOS every keychain read of an unsigned
/// app can ask the person. A new launch (a new vault over the same keychain) that lists the
/// accounts and verifies twice reads each entry once.
#[tokio::test]
async fn field_n02_list_and_verify_read_each_keychain_entry_once() {
    use crate::assistant::fakes::{CountingStore, harness_on};
    use crate::platform::Os;
    use crate::vault::Vault;
    let store = std::sync::Arc::new(CountingStore::new(Os::MacOs));
    let first = harness_on(offline_settings(), store.clone(), Os::MacOs);
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let tokens = entra_tokens("ann@example.edu", TENANT, CLIENT, Some("n-1"));
    first
        .assistant
        .after_tokens(
            &ann,
            ctx_for(&settings(), &ann),
            tokens,
            Some("n-1"),
            Reply::none(),
            &run,
        )
        .await
        .unwrap_or_else(|f| panic!("{f}"));
    // The next launch: the same keychain and account list, a new vault.
    let locks = tempfile::tempdir().unwrap();
    let seams = crate::assistant::Seams {
        vault: Vault::on(store.clone(), Os::MacOs),
        accounts: first.accounts.clone(),
        token_endpoint: Some(first.endpoint.clone()),
        clock: first.clock.clone(),
        locks: crate::locks::Locks::in_dir(locks.path()),
    };
    let next = Assistant::with_seams(offline_settings(), seams).unwrap();
    store.reads.lock().unwrap().clear();
    for _ in 0..2 {
        let listed = next.accounts().await.unwrap();
        assert!(listed[0].in_vault);
        let outcome = next
            .verify(&ann, crate::assistant::VerifyOptions::default(), &sink)
            .await;
        let read = outcome.steps.iter().find(|s| s.step == Step::VaultRead);
        assert_eq!(
            read.map(|s| s.status),
            Some(crate::progress::Status::Passed)
        );
    }
    let reads = store.reads.lock().unwrap().clone();
    assert!(reads.contains_key("ann@example.edu"), "{reads:?}");
    assert!(
        reads.values().all(|n| *n == 1),
        "each entry read once: {reads:?}"
    );
    assert_eq!(
        first
            .endpoint
            .calls
            .load(std::sync::atomic::Ordering::SeqCst),
        0
    );
}

/// T30 (https://github.com/canonical/authd/issues/1822,
/// https://github.com/AxaFrance/oidc-client/issues/1373): this computer's clock 2 hours ahead of
/// Microsoft's. The sign-in passes and the token is good for its hour (its expiry counts from
/// `expires_in` on this computer's clock); a `CLOCK_SKEW` warning says so; the report shows one
/// expiry, not the token's `exp` (by Microsoft's clock) beside it.
#[tokio::test]
async fn field_t30_a_clock_two_hours_ahead_is_a_warning_only() {
    use std::time::{Duration, SystemTime};
    let h = harness(settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let server_now = NOW - 7_200;
    let mut tokens = entra_tokens("ann@example.edu", TENANT, CLIENT, Some("n-1"));
    tokens.access_token = crate::assistant::fakes::jwt(
        serde_json::json!({
            "aud": "https://outlook.office.com", "tid": TENANT, "upn": "ann@example.edu",
            "scp": "IMAP.AccessAsUser.All SMTP.Send", "exp": server_now + 3_599,
        }),
        2_900,
    )
    .into();
    tokens.expires_at = Some(SystemTime::UNIX_EPOCH + Duration::from_secs(NOW + 3_599));
    tokens.clock_skew_secs = Some(7_200);
    let access = tokens.access_token.clone();
    let ending = h
        .assistant
        .after_tokens(
            &ann,
            ctx_for(&settings(), &ann),
            tokens,
            Some("n-1"),
            Reply::none(),
            &run,
        )
        .await;
    let outcome = h.assistant.finish(&ann, run, ending);
    assert!(
        outcome.passed,
        "{:?}",
        outcome.findings().collect::<Vec<_>>()
    );
    let clock = outcome
        .steps
        .iter()
        .find(|s| s.step == Step::Clock)
        .unwrap();
    assert_eq!(clock.status, crate::progress::Status::Info);
    let warning = clock.finding.as_ref().unwrap();
    assert_eq!(warning.code, FindingCode::ClockSkew);
    assert_eq!(warning.audience, crate::findings::Audience::User);
    assert!(
        warning.explanation.contains("about 2 hours ahead"),
        "{}",
        warning.explanation
    );
    assert!(warning.explanation.contains("Microsoft"));
    // Good for its hour on this computer's clock: no renewal loop.
    let cached = h
        .assistant
        .vault
        .load_access_token(&ann)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cached.expires_at, NOW + 3_599);
    assert!(cached.valid_at(
        crate::clock::Clock::now_secs(&*h.clock),
        Duration::from_secs(300)
    ));
    // A verification's token claims beside the account: one expiry in the report.
    let mut verified = outcome.clone();
    verified.action = crate::outcome::Action::Verify;
    verified.token = crate::oauth::claims::TokenClaims::read(access.expose_secret());
    assert!(verified.token.as_ref().unwrap().exp.is_some());
    h.assistant.memory.remember(&ann, &verified);
    let text = crate::report::text::render(&h.assistant.report(&ann).unwrap());
    assert_eq!(text.matches("expires").count(), 1, "{text}");
    assert!(text.contains(&format!(
        "Access token expires: {}",
        crate::report::when(NOW + 3_599)
    )));
    assert!(text.contains("CLOCK_SKEW"), "{text}");
}

/// Google's granular consent: the person unticked Gmail; theirs to tick again, not an
/// administrator's (https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
#[test]
fn an_unticked_gmail_permission_is_the_persons_to_tick() {
    let mut t = entra_tokens("ann@school.example", TENANT, CLIENT, None);
    t.scopes = Some(vec![
        "openid".into(),
        "https://www.googleapis.com/auth/userinfo.email".into(),
    ]);
    let f = grant::check(t, OAuthFlavour::Google).err().unwrap();
    assert_eq!(f.code, FindingCode::GoogleScopeNotGranted);
    assert_eq!(f.audience, crate::findings::Audience::User);
    assert!(f.steps[0].contains("tick"), "{:?}", f.steps);
}

/// T30 at renewal: the renewed token is used (no renewal loop) and the clock is a warning.
#[tokio::test]
async fn field_t30_a_renewal_with_a_wrong_clock_warns_and_still_renews() {
    let h = harness(offline_settings());
    let ann = addr("ann@example.edu");
    let sink = crate::progress::ignore();
    let run = Run::new(&sink);
    let tokens = entra_tokens("ann@example.edu", TENANT, CLIENT, Some("n-1"));
    h.assistant
        .after_tokens(
            &ann,
            ctx_for(&settings(), &ann),
            tokens,
            Some("n-1"),
            Reply::none(),
            &run,
        )
        .await
        .unwrap_or_else(|f| panic!("{f}"));
    h.assistant.vault.delete_access_token(&ann).await.unwrap();
    let mut renewed = entra_tokens("ann@example.edu", TENANT, CLIENT, None);
    renewed.clock_skew_secs = Some(-3 * 3_600);
    h.endpoint.answer(Ok(renewed));
    let outcome = h
        .assistant
        .verify(&ann, crate::assistant::VerifyOptions::default(), &sink)
        .await;
    let status = |step| {
        outcome
            .steps
            .iter()
            .find(|s| s.step == step)
            .map(|s| s.status)
    };
    assert_eq!(
        status(Step::TokenRefresh),
        Some(crate::progress::Status::Passed)
    );
    assert_eq!(status(Step::Clock), Some(crate::progress::Status::Info));
    let warning = outcome
        .findings()
        .find(|f| f.code == FindingCode::ClockSkew)
        .expect("the clock warning");
    assert!(
        warning.explanation.contains("about 3 hours behind"),
        "{}",
        warning.explanation
    );
    assert_eq!(
        h.endpoint.calls.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "one renewal"
    );
}

mod no_browser;
