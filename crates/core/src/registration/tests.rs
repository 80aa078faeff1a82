//! The verdict over Graph's answers, read from JSON of Graph's shape: one test per item and
//! registration scenario (the same scenarios run end to end in crates/cli/tests/admin_check.rs).

use serde_json::{Value, json};

use super::graph::{AppRoleAssignment, Application, Facts, PermissionGrant, ServicePrincipal};
use super::*;
use crate::findings::FindingCode;
use crate::provider::RedirectForm;
use crate::settings::ClientType;

const CLIENT: &str = "6e1f5a3c-0d4b-4c8e-9a51-2b7c3d9e8f10";
const TENANT: &str = "5f0a7c4e-1b2d-4c3e-9f10-1234567890ab";
const OTHER_TENANT: &str = "8c2d4b6a-3e5f-4a7b-9c1d-0e2f4a6b8c0d";
const LINK: &str = "https://login.microsoftonline.com/5f0a7c4e-1b2d-4c3e-9f10-1234567890ab/adminconsent?client_id=6e1f5a3c-0d4b-4c8e-9a51-2b7c3d9e8f10";
const GRAPH_SP: &str = "a1b2c3d4-0000-4000-8000-000000000003";
const EXCHANGE_SP: &str = "a1b2c3d4-0000-4000-8000-000000000002";
const APP_SP: &str = "a1b2c3d4-0000-4000-8000-0000000000aa";
/// 2026-12-01T00:00:00Z.
const NOW: u64 = 1_796_083_200;

/// Microsoft Graph's own ids for the permissions in these tests (its `oauth2PermissionScopes`
/// and `appRoles`).
fn graph_api() -> Value {
    json!({
        "id": GRAPH_SP, "appId": GRAPH_APP_ID, "displayName": "Microsoft Graph",
        "oauth2PermissionScopes": [
            {"id": "37f7f235-527c-4136-accd-4a02d197296e", "value": "openid"},
            {"id": "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", "value": "email"},
            {"id": "14dad69e-099b-42c9-810b-d002981feec1", "value": "profile"},
            {"id": "7427e0e9-2fba-42fe-b0c0-848c9e6a8182", "value": "offline_access"},
            {"id": "258f6531-6087-4cc4-bb90-092c5fb3ed3f", "value": "SMTP.Send"},
            {"id": "652390e4-393a-48de-9484-05f9b1212954", "value": "IMAP.AccessAsUser.All"},
            {"id": "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "value": "User.Read"}
        ],
        "appRoles": [
            {"id": "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "value": "Mail.ReadWrite"},
            {"id": "b633e1c5-b582-4048-a93e-9f11b44c7e96", "value": "Mail.Send"},
            {"id": "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "value": "Directory.Read.All"}
        ]
    })
}

fn exchange_api() -> Value {
    json!({
        "id": EXCHANGE_SP, "appId": EXCHANGE_APP_ID, "displayName": "Office 365 Exchange Online",
        "oauth2PermissionScopes": [], "appRoles": []
    })
}

fn scope(id: &str) -> Value {
    json!({"id": id, "type": "Scope"})
}

/// The registration the app needs: Mobile and desktop with http://localhost, public flows on,
/// the six delegated permissions under Microsoft Graph.
fn good_app() -> Value {
    json!({
        "appId": CLIENT, "displayName": "Mail Setup Assistant",
        "isFallbackPublicClient": true,
        "publicClient": {"redirectUris": ["http://localhost"]},
        "web": {"redirectUris": [], "implicitGrantSettings": {"enableIdTokenIssuance": false}},
        "spa": {"redirectUris": []},
        "requiredResourceAccess": [{
            "resourceAppId": GRAPH_APP_ID,
            "resourceAccess": [
                scope("258f6531-6087-4cc4-bb90-092c5fb3ed3f"), scope("652390e4-393a-48de-9484-05f9b1212954"),
                scope("7427e0e9-2fba-42fe-b0c0-848c9e6a8182"), scope("37f7f235-527c-4136-accd-4a02d197296e"),
                scope("14dad69e-099b-42c9-810b-d002981feec1"), scope("64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0")
            ]
        }],
        "passwordCredentials": []
    })
}

fn good_sp() -> Value {
    json!({"id": APP_SP, "appId": CLIENT, "displayName": "Mail Setup Assistant", "accountEnabled": true, "appOwnerOrganizationId": TENANT})
}

fn admin_consent(scope: &str) -> Value {
    json!({"clientId": APP_SP, "consentType": "AllPrincipals", "principalId": null, "resourceId": GRAPH_SP, "scope": scope})
}

fn good_grants() -> Vec<Value> {
    vec![admin_consent(
        " SMTP.Send IMAP.AccessAsUser.All offline_access openid profile email",
    )]
}

fn parse<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

fn facts(app: Option<Value>, sp: Option<Value>, grants: Vec<Value>, roles: Vec<Value>) -> Facts {
    Facts {
        application: app.map(parse::<Application>),
        service_principal: sp.map(parse::<ServicePrincipal>),
        grants: grants.into_iter().map(parse::<PermissionGrant>).collect(),
        app_roles: roles.into_iter().map(parse::<AppRoleAssignment>).collect(),
        apis: vec![parse(graph_api()), parse(exchange_api())],
    }
}

fn good() -> Facts {
    facts(Some(good_app()), Some(good_sp()), good_grants(), vec![])
}

fn check_with(
    facts: &Facts,
    kind: ClientType,
    redirect: &str,
    secret: &SecretTrial,
) -> Vec<CheckItem> {
    let form = RedirectForm::parse(redirect).unwrap();
    judge(
        facts,
        &Expected {
            client_id: CLIENT,
            tenant_id: TENANT,
            client_type: kind,
            redirect: &form,
            consent_link: LINK,
            now_secs: NOW,
        },
        secret,
    )
}

fn check(facts: &Facts) -> Vec<CheckItem> {
    check_with(
        facts,
        ClientType::Public,
        "http://localhost",
        &SecretTrial::NotNeeded,
    )
}

fn item(items: &[CheckItem], id: ItemId) -> &CheckItem {
    items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no {id:?} in {items:#?}"))
}

/// The code of `id`'s finding, when it failed; `None` when it passed.
fn failed(items: &[CheckItem], id: ItemId) -> Option<FindingCode> {
    let i = item(items, id);
    match i.status {
        ItemStatus::Passed => None,
        ItemStatus::Failed => Some(
            i.finding
                .as_ref()
                .expect("a failed item has a finding")
                .code,
        ),
        ItemStatus::NotChecked => panic!("{id:?} was not checked: {}", i.detail),
    }
}

#[test]
fn the_registration_the_app_needs_passes_every_item() {
    let items = check(&good());
    let ids: Vec<ItemId> = items.iter().map(|i| i.id).collect();
    assert_eq!(
        ids,
        [
            ItemId::Registration,
            ItemId::Enabled,
            ItemId::PublicClient,
            ItemId::Redirect,
            ItemId::Permissions,
            ItemId::Consent,
            ItemId::Unneeded
        ]
    );
    for i in &items {
        assert_eq!(i.status, ItemStatus::Passed, "{i:#?}");
    }
    let report = RegistrationReport::new(items, vec![]);
    assert!(report.passed);
    assert_eq!(
        report.summary,
        "The app registration is ready: every item passed."
    );
    assert!(
        item(&report.items, ItemId::Registration)
            .detail
            .contains("\"Mail Setup Assistant\"")
    );
}

#[test]
fn an_unknown_client_id_fails_the_first_item_and_checks_nothing_else() {
    let items = check(&facts(None, None, vec![], vec![]));
    assert_eq!(
        failed(&items, ItemId::Registration),
        Some(FindingCode::RegistrationNotFound)
    );
    let f = item(&items, ItemId::Registration).finding.as_ref().unwrap();
    assert!(
        f.title.contains(CLIENT) && f.explanation.contains(TENANT),
        "{f:#?}"
    );
    assert!(f.steps.iter().any(|s| s.contains(LINK)));
    assert!(
        items[1..]
            .iter()
            .all(|i| i.status == ItemStatus::NotChecked)
    );
    let report = RegistrationReport::new(items, vec![]);
    assert!(!report.passed);
    assert_eq!(
        report.summary,
        "1 of 7 items need attention, and 6 could not be checked."
    );
}

#[test]
fn a_disabled_app_fails_enabled() {
    let mut sp = good_sp();
    sp["accountEnabled"] = json!(false);
    let items = check(&facts(Some(good_app()), Some(sp), good_grants(), vec![]));
    assert_eq!(
        failed(&items, ItemId::Enabled),
        Some(FindingCode::RegistrationDisabled)
    );
    let f = item(&items, ItemId::Enabled).finding.as_ref().unwrap();
    assert!(
        f.steps
            .iter()
            .any(|s| s.contains("Enabled for users to sign-in? → Yes")),
        "{f:#?}"
    );
    // The administrator reads it: no "send this to your administrator".
    assert!(f.for_user.is_none());
    assert_eq!(failed(&items, ItemId::Registration), None);
}

#[test]
fn a_web_registration_is_not_a_public_client_and_its_redirect_is_under_the_wrong_platform() {
    let mut app = good_app();
    app["publicClient"]["redirectUris"] = json!([]);
    app["web"]["redirectUris"] = json!(["http://localhost"]);
    app["isFallbackPublicClient"] = json!(null);
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    assert_eq!(
        failed(&items, ItemId::PublicClient),
        Some(FindingCode::RegistrationNotPublicClient)
    );
    let f = item(&items, ItemId::PublicClient).finding.as_ref().unwrap();
    assert!(
        f.explanation.contains("it has only the Web platform"),
        "{f:#?}"
    );
    assert_eq!(
        failed(&items, ItemId::Redirect),
        Some(FindingCode::RegistrationRedirectWrongPlatform)
    );
    let f = item(&items, ItemId::Redirect).finding.as_ref().unwrap();
    assert!(
        f.explanation
            .contains("it is instead registered under Web (http://localhost)"),
        "{f:#?}"
    );
    assert!(
        f.steps
            .iter()
            .any(|s| s.contains("under \"Mobile and desktop applications\""))
    );
}

#[test]
fn a_leftover_web_entry_on_another_port_is_the_wrong_platform_too() {
    // Entra ignores the port of loopback addresses and picks one of the entries.
    let mut app = good_app();
    app["web"]["redirectUris"] = json!(["http://localhost:3000"]);
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    assert_eq!(failed(&items, ItemId::PublicClient), None);
    let i = item(&items, ItemId::Redirect);
    assert_eq!(
        i.finding.as_ref().unwrap().code,
        FindingCode::RegistrationRedirectWrongPlatform
    );
    assert!(
        i.finding
            .as_ref()
            .unwrap()
            .explanation
            .contains("also registered under Web (http://localhost:3000)")
    );
}

#[test]
fn public_flows_off_fails_the_public_client_item_only() {
    let mut app = good_app();
    app["isFallbackPublicClient"] = json!(false);
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    assert_eq!(
        failed(&items, ItemId::PublicClient),
        Some(FindingCode::RegistrationPublicFlowsOff)
    );
    assert_eq!(failed(&items, ItemId::Redirect), None);
    let report = RegistrationReport::new(items, vec![]);
    assert_eq!(report.summary, "1 of 7 items need attention.");
}

#[test]
fn the_redirect_must_be_the_exact_host_and_path_on_any_port() {
    let mut app = good_app();
    app["publicClient"]["redirectUris"] = json!([
        "http://127.0.0.1",
        "http://localhost/other",
        "https://login.microsoftonline.com/common/oauth2/nativeclient"
    ]);
    let items = check(&facts(
        Some(app.clone()),
        Some(good_sp()),
        good_grants(),
        vec![],
    ));
    assert_eq!(
        failed(&items, ItemId::Redirect),
        Some(FindingCode::RegistrationRedirectMissing)
    );
    let f = item(&items, ItemId::Redirect).finding.as_ref().unwrap();
    assert_eq!(
        f.title,
        "The app's redirect URI http://localhost is not registered"
    );
    // The settings' 127.0.0.1 form is registered.
    let items = check_with(
        &facts(Some(app.clone()), Some(good_sp()), good_grants(), vec![]),
        ClientType::Public,
        "http://127.0.0.1",
        &SecretTrial::NotNeeded,
    );
    assert_eq!(failed(&items, ItemId::Redirect), None);
    // Any port, with a trailing slash: the same address.
    app["publicClient"]["redirectUris"] = json!(["http://localhost:8400/"]);
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    assert_eq!(failed(&items, ItemId::Redirect), None);
}

#[test]
fn missing_delegated_permissions_are_named() {
    let mut app = good_app();
    app["requiredResourceAccess"][0]["resourceAccess"] = json!([
        scope("258f6531-6087-4cc4-bb90-092c5fb3ed3f"),
        scope("37f7f235-527c-4136-accd-4a02d197296e")
    ]);
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    assert_eq!(
        failed(&items, ItemId::Permissions),
        Some(FindingCode::RegistrationPermissionsMissing)
    );
    let f = item(&items, ItemId::Permissions).finding.as_ref().unwrap();
    assert!(
        f.explanation
            .contains("IMAP.AccessAsUser.All, offline_access, profile, email"),
        "{f:#?}"
    );
}

#[test]
fn mail_permissions_count_under_exchange_online_too() {
    let mut app = good_app();
    app["requiredResourceAccess"] = json!([
        {"resourceAppId": GRAPH_APP_ID, "resourceAccess": [scope("7427e0e9-2fba-42fe-b0c0-848c9e6a8182"), scope("37f7f235-527c-4136-accd-4a02d197296e"), scope("14dad69e-099b-42c9-810b-d002981feec1"), scope("64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0")]},
        {"resourceAppId": EXCHANGE_APP_ID, "resourceAccess": [scope("c1a1b2c2-0000-4000-8000-00000000e001"), scope("c1a1b2c2-0000-4000-8000-00000000e002")]}
    ]);
    let mut f = facts(Some(app), Some(good_sp()), vec![], vec![]);
    f.apis[1] = serde_json::from_value(json!({
        "id": EXCHANGE_SP, "appId": EXCHANGE_APP_ID, "displayName": "Office 365 Exchange Online",
        "oauth2PermissionScopes": [{"id": "c1a1b2c2-0000-4000-8000-00000000e001", "value": "SMTP.Send"}, {"id": "c1a1b2c2-0000-4000-8000-00000000e002", "value": "IMAP.AccessAsUser.All"}]
    })).unwrap();
    f.grants = vec![
        serde_json::from_value(admin_consent("offline_access openid profile email")).unwrap(),
        serde_json::from_value(json!({"clientId": APP_SP, "consentType": "AllPrincipals", "resourceId": EXCHANGE_SP, "scope": "SMTP.Send IMAP.AccessAsUser.All"})).unwrap(),
    ];
    let items = check(&f);
    assert_eq!(failed(&items, ItemId::Permissions), None);
    assert_eq!(failed(&items, ItemId::Consent), None);
    assert_eq!(failed(&items, ItemId::Unneeded), None);
}

#[test]
fn missing_admin_consent_gives_the_consent_link() {
    // Only one user consented, for themselves.
    let own = json!({"clientId": APP_SP, "consentType": "Principal", "principalId": "b0b0b0b0-0000-4000-8000-000000000001", "resourceId": GRAPH_SP, "scope": "SMTP.Send IMAP.AccessAsUser.All offline_access openid profile email"});
    let items = check(&facts(Some(good_app()), Some(good_sp()), vec![own], vec![]));
    assert_eq!(
        failed(&items, ItemId::Consent),
        Some(FindingCode::RegistrationConsentMissing)
    );
    let f = item(&items, ItemId::Consent).finding.as_ref().unwrap();
    assert!(f.steps[0].contains(LINK), "{f:#?}");
    assert!(
        f.title
            .contains("SMTP.Send, IMAP.AccessAsUser.All, offline_access, openid, profile, email")
    );
    assert_eq!(
        f.evidence.as_deref(),
        Some("some users consented for themselves only")
    );
    // Partly consented: only the rest is named.
    let items = check(&facts(
        Some(good_app()),
        Some(good_sp()),
        vec![admin_consent("openid profile email offline_access")],
        vec![],
    ));
    let f = item(&items, ItemId::Consent).finding.as_ref().unwrap();
    assert_eq!(
        f.title,
        "No administrator has consented to SMTP.Send, IMAP.AccessAsUser.All"
    );
}

#[test]
fn graph_application_permissions_are_named_as_unneeded() {
    // The vendor document's registration asks for Mail.ReadWrite, Mail.Send and
    // Directory.Read.All as application permissions, and an administrator granted them.
    let mut app = good_app();
    app["requiredResourceAccess"][0]["resourceAccess"]
        .as_array_mut()
        .unwrap()
        .extend([
            json!({"id": "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "type": "Role"}),
            json!({"id": "b633e1c5-b582-4048-a93e-9f11b44c7e96", "type": "Role"}),
            json!({"id": "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "type": "Role"}),
        ]);
    let roles = vec![
        json!({"appRoleId": "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "resourceId": GRAPH_SP, "resourceDisplayName": "Microsoft Graph"}),
    ];
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), roles));
    assert_eq!(
        failed(&items, ItemId::Unneeded),
        Some(FindingCode::RegistrationPermissionsUnneeded)
    );
    let f = item(&items, ItemId::Unneeded).finding.as_ref().unwrap();
    assert!(
        f.explanation.contains("Directory.Read.All (Microsoft Graph), Mail.ReadWrite (Microsoft Graph), Mail.Send (Microsoft Graph)"),
        "{f:#?}"
    );
    assert!(f.explanation.contains("without anyone signing in"));
    // Everything the app needs is still there.
    assert_eq!(failed(&items, ItemId::Permissions), None);
    assert_eq!(failed(&items, ItemId::Consent), None);
}

#[test]
fn extra_delegated_permissions_pass_with_a_note() {
    let mut app = good_app();
    app["requiredResourceAccess"][0]["resourceAccess"]
        .as_array_mut()
        .unwrap()
        .push(scope("e1fe6dd8-ba31-4d61-89e7-88639da4683d"));
    let items = check(&facts(Some(app), Some(good_sp()), good_grants(), vec![]));
    let i = item(&items, ItemId::Unneeded);
    assert_eq!(i.status, ItemStatus::Passed);
    assert!(
        i.detail
            .contains("a delegated permission this app does not use (User.Read (Microsoft Graph))"),
        "{}",
        i.detail
    );
}

#[test]
fn an_app_of_another_organisation_is_said_so_and_its_registration_is_not_checked_here() {
    let mut sp = good_sp();
    sp["appOwnerOrganizationId"] = json!(OTHER_TENANT);
    let items = check(&facts(None, Some(sp), good_grants(), vec![]));
    let i = item(&items, ItemId::Registration);
    assert_eq!(i.status, ItemStatus::Passed);
    assert!(
        i.detail.contains(&format!(
            "belongs to another organisation (tenant {OTHER_TENANT})"
        )),
        "{}",
        i.detail
    );
    for id in [ItemId::PublicClient, ItemId::Redirect, ItemId::Permissions] {
        let i = item(&items, id);
        assert_eq!(i.status, ItemStatus::NotChecked, "{i:#?}");
        let f = i.finding.as_ref().unwrap();
        assert_eq!(f.code, FindingCode::RegistrationInOtherTenant);
        assert!(f.steps[0].contains(OTHER_TENANT));
    }
    // What this organisation holds is still checked.
    assert_eq!(failed(&items, ItemId::Enabled), None);
    assert_eq!(failed(&items, ItemId::Consent), None);
    assert!(
        item(&items, ItemId::Unneeded)
            .detail
            .contains("of what this organisation granted")
    );
    assert!(!RegistrationReport::new(items, vec![]).passed);
}

#[test]
fn a_registration_without_an_enterprise_application_needs_consent() {
    let items = check(&facts(Some(good_app()), None, vec![], vec![]));
    assert_eq!(item(&items, ItemId::Enabled).status, ItemStatus::NotChecked);
    assert_eq!(
        failed(&items, ItemId::Consent),
        Some(FindingCode::RegistrationConsentMissing)
    );
}

fn web_app(secrets: Value) -> Facts {
    let mut app = good_app();
    app["publicClient"]["redirectUris"] = json!([]);
    app["web"]["redirectUris"] = json!(["http://localhost"]);
    app["passwordCredentials"] = secrets;
    facts(Some(app), Some(good_sp()), good_grants(), vec![])
}

#[test]
fn a_confidential_registration_needs_a_stored_secret_that_microsoft_accepts() {
    let current = json!([{"displayName": "mail setup", "endDateTime": "2027-06-01T00:00:00Z", "hint": "abc"}]);
    let secret = |trial: SecretTrial| {
        let items = check_with(
            &web_app(current.clone()),
            ClientType::Confidential,
            "http://localhost",
            &trial,
        );
        assert!(items.iter().all(|i| i.id != ItemId::PublicClient));
        // The Web platform is the right one for a confidential registration.
        assert_eq!(failed(&items, ItemId::Redirect), None);
        item(&items, ItemId::ClientSecret).clone()
    };
    let i = secret(SecretTrial::Accepted);
    assert_eq!(i.status, ItemStatus::Passed);
    assert!(i.detail.contains("threw away unused"));
    assert_eq!(
        secret(SecretTrial::NotStored).finding.unwrap().code,
        FindingCode::RegistrationSecretNotStored
    );
    let f = secret(SecretTrial::Refused(
        "AADSTS7000215: Invalid client secret provided".into(),
    ))
    .finding
    .unwrap();
    assert_eq!(f.code, FindingCode::RegistrationSecretRefused);
    assert!(f.explanation.contains("AADSTS7000215"));
    let offline = crate::findings::Finding::new(FindingCode::NetworkIdpUnreachable)
        .with(crate::findings::Param::Problem, "could not connect");
    assert_eq!(
        secret(SecretTrial::NotTried(Box::new(offline))).status,
        ItemStatus::NotChecked
    );
}

#[test]
fn a_confidential_registration_without_a_current_secret_says_since_when() {
    let expired =
        json!([{"endDateTime": "2025-03-01T00:00:00Z"}, {"endDateTime": "2026-02-01T10:00:00Z"}]);
    let items = check_with(
        &web_app(expired),
        ClientType::Confidential,
        "http://localhost",
        &SecretTrial::Accepted,
    );
    let f = item(&items, ItemId::ClientSecret).finding.clone().unwrap();
    assert_eq!(f.code, FindingCode::RegistrationNoCurrentSecret);
    assert!(
        f.explanation
            .contains("its last client secret expired on 2026-02-01"),
        "{f:#?}"
    );
    let items = check_with(
        &web_app(json!([])),
        ClientType::Confidential,
        "http://localhost",
        &SecretTrial::NotStored,
    );
    assert!(
        item(&items, ItemId::ClientSecret)
            .finding
            .as_ref()
            .unwrap()
            .explanation
            .contains("it has no client secret")
    );
    // Under Mobile and desktop, a confidential registration's redirect is on the wrong platform.
    let items = check_with(
        &good(),
        ClientType::Confidential,
        "http://localhost",
        &SecretTrial::Accepted,
    );
    assert_eq!(
        failed(&items, ItemId::Redirect),
        Some(FindingCode::RegistrationRedirectWrongPlatform)
    );
}

#[test]
fn a_stopped_check_says_why() {
    let f = crate::findings::Finding::new(FindingCode::RegistrationCheckForbidden)
        .with(crate::findings::Param::SignedIn, "ann@example.edu");
    let r = RegistrationReport::stopped(f, vec![]);
    assert!(!r.passed);
    assert_eq!(
        r.summary,
        "The check could not be completed: ann@example.edu may not read the app registrations"
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["finding"]["code"], "REGISTRATION_CHECK_FORBIDDEN");
    assert_eq!(json["items"], json!([]));
}

/// Every word of the check follows the app's language: the items' labels and details and the
/// summary are Spanish, with the same ids, statuses, codes and facts (names, ids, URIs).
#[test]
fn the_check_reads_in_spanish_with_the_same_items_and_facts() {
    use crate::l10n::{Language, with};
    let mut sp = good_sp();
    sp["appOwnerOrganizationId"] = json!(OTHER_TENANT);
    let cases = [
        good(),
        facts(None, Some(sp), good_grants(), vec![]),
        facts(None, None, vec![], vec![]),
        facts(Some(good_app()), None, vec![], vec![]),
    ];
    for facts in &cases {
        let run = || RegistrationReport::new(check(facts), vec![]);
        let (en, es) = (with(Language::English, run), with(Language::Spanish, run));
        assert_eq!(es.passed, en.passed);
        assert_ne!(es.summary, en.summary);
        for (e, s) in en.items.iter().zip(&es.items) {
            assert_eq!((s.id, s.status), (e.id, e.status));
            assert_eq!(
                s.finding.as_ref().map(|f| f.code),
                e.finding.as_ref().map(|f| f.code)
            );
            assert_ne!(s.label, e.label, "{:?}", s.id);
            assert_ne!(s.detail, e.detail, "{:?}", s.id);
            assert!(!s.detail.contains('{'), "{}", s.detail);
            for fact in [
                CLIENT,
                OTHER_TENANT,
                "http://localhost",
                "Mail Setup Assistant",
            ] {
                assert_eq!(
                    s.detail.contains(fact),
                    e.detail.contains(fact),
                    "{fact}: {} / {}",
                    e.detail,
                    s.detail
                );
            }
        }
    }
    let good = with(Language::Spanish, || {
        RegistrationReport::new(check(&good()), vec![])
    });
    assert_eq!(
        good.summary,
        "El registro de la aplicación está listo: todos los puntos se superaron."
    );
    assert_eq!(
        item(&good.items, ItemId::PublicClient).detail,
        "Un cliente público: la plataforma \"Aplicaciones móviles y de escritorio\", y \"Allow public client flows\" (Permitir flujos de clientes públicos) está activado."
    );
}
