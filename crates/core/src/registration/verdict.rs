//! The verdict: Graph's facts about the registration, judged item by item against what this app
//! needs. Pure: no network, no clock (the time comes in [`Expected::now_secs`]).
//!
//! The rules, with their sources:
//! - a desktop app is a public client: the "Mobile and desktop applications" platform, and "Allow
//!   public client flows" for the device code, which has no redirect URI
//!   (<https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration>;
//!   AADSTS7000218:
//!   <https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218>);
//!   a "Web" registration instead needs its client secret;
//! - loopback redirect URIs match whatever the port, with the same host and the same path; two
//!   entries for one address under different platforms make Entra pick one of them
//!   (<https://learn.microsoft.com/entra/identity-platform/reply-url>);
//! - the delegated permissions: `SMTP.Send` and `IMAP.AccessAsUser.All`, which the admin center
//!   lists under Microsoft Graph while the tokens are for Exchange Online, so either API counts
//!   (<https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>),
//!   and `offline_access openid profile email` of Microsoft Graph
//!   (<https://learn.microsoft.com/entra/identity-platform/scopes-oidc>);
//! - admin consent is a grant with `consentType` `AllPrincipals`
//!   (<https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant>);
//! - application permissions (`Role`) act without a signed-in user; a desktop app uses delegated
//!   ones only (<https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview>).

use std::collections::BTreeSet;

use url::Url;

use super::graph::{Application, Facts, ServicePrincipal};
use super::{CheckItem, EXCHANGE_APP_ID, GRAPH_APP_ID, ItemId};
use crate::findings::{Finding, FindingCode, Param};
use crate::l10n::{tr, tr_with};
use crate::provider::{MAIL_PERMISSIONS, OIDC_SCOPES, RedirectForm};
use crate::settings::ClientType;

/// What the app needs, and where it looks.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    /// The registration's client id (`[microsoft] client_id`).
    pub client_id: &'a str,
    /// The organisation checked (the administrator's tenant id).
    pub tenant_id: &'a str,
    /// Public, or a confidential ("Web") registration with a secret.
    pub client_type: ClientType,
    /// The redirect URI form the app sends (`[microsoft] redirect`).
    pub redirect: &'a RedirectForm,
    /// The admin-consent address for this organisation and app.
    pub consent_link: &'a str,
    /// Now, in seconds since the epoch (for the secrets' end dates).
    pub now_secs: u64,
}

/// What became of the stored client secret (confidential registrations only).
#[derive(Debug, Clone, PartialEq)]
pub enum SecretTrial {
    /// A public client: no secret is used.
    NotNeeded,
    /// No secret is stored in this computer's vault.
    NotStored,
    /// Microsoft issued a token for it.
    Accepted,
    /// Microsoft refused it: what it said.
    Refused(String),
    /// It could not be tried (network, vault): why.
    NotTried(Box<Finding>),
}

const PUBLIC: &str = "Mobile and desktop applications";
const WEB: &str = "Web";
const SPA: &str = "Single-page application";

/// The items of the check, in order.
pub fn judge(facts: &Facts, expected: &Expected<'_>, secret: &SecretTrial) -> Vec<CheckItem> {
    let kind_item = match expected.client_type {
        ClientType::Public => ItemId::PublicClient,
        ClientType::Confidential => ItemId::ClientSecret,
    };
    let app = facts.application.as_ref();
    if app.is_none() && facts.service_principal.is_none() {
        return not_found(expected, kind_item);
    }
    let names = Names::new(&facts.apis);
    vec![
        registration_item(facts, expected),
        enabled_item(facts.service_principal.as_ref(), expected),
        match (expected.client_type, app) {
            (ClientType::Public, Some(app)) => public_client_item(app, expected),
            (ClientType::Confidential, app) => client_secret_item(app, expected, secret),
            (ClientType::Public, None) => elsewhere(kind_item, facts, expected),
        },
        app.map_or_else(
            || elsewhere(ItemId::Redirect, facts, expected),
            |app| redirect_item(app, expected),
        ),
        app.map_or_else(
            || elsewhere(ItemId::Permissions, facts, expected),
            |app| permissions_item(app, &names, expected),
        ),
        consent_item(facts, &names, expected),
        unneeded_item(facts, &names, expected),
    ]
}

/// Nothing by that client id here: the first item fails, the others cannot be checked.
fn not_found(expected: &Expected<'_>, kind_item: ItemId) -> Vec<CheckItem> {
    let f = Finding::new(FindingCode::RegistrationNotFound)
        .with(Param::ClientId, expected.client_id)
        .with(Param::Tenant, expected.tenant_id)
        .with(Param::Link, expected.consent_link);
    let mut items = vec![CheckItem::failed(ItemId::Registration, f)];
    for id in [
        ItemId::Enabled,
        kind_item,
        ItemId::Redirect,
        ItemId::Permissions,
        ItemId::Consent,
        ItemId::Unneeded,
    ] {
        items.push(CheckItem::not_checked(id, tr("check-not-found"), None));
    }
    items
}

/// The owner of a registration found only as an enterprise application.
fn owner(facts: &Facts) -> String {
    facts
        .service_principal
        .as_ref()
        .and_then(|sp| sp.app_owner_organization_id.clone())
        .unwrap_or_else(|| tr("check-unknown"))
}

/// An item that only the registration's own organisation can check.
fn elsewhere(id: ItemId, facts: &Facts, expected: &Expected<'_>) -> CheckItem {
    let f = Finding::new(FindingCode::RegistrationInOtherTenant)
        .with(Param::ClientId, expected.client_id)
        .with(Param::Tenant, owner(facts));
    CheckItem::not_checked(id, tr("check-elsewhere"), Some(f))
}

fn registration_item(facts: &Facts, expected: &Expected<'_>) -> CheckItem {
    match (&facts.application, &facts.service_principal) {
        (Some(app), _) => CheckItem::passed(
            ItemId::Registration,
            tr_with(
                "check-found",
                &[
                    ("name", display_name(app.display_name.as_deref()).into()),
                    ("client", expected.client_id.to_owned().into()),
                ],
            ),
        ),
        (None, sp) => CheckItem::passed(
            ItemId::Registration,
            tr_with(
                "check-found-elsewhere",
                &[
                    (
                        "name",
                        display_name(sp.as_ref().and_then(|s| s.display_name.as_deref())).into(),
                    ),
                    ("tenant", owner(facts).into()),
                ],
            ),
        ),
    }
}

/// A registration's display name, or the words for none.
fn display_name(name: Option<&str>) -> String {
    name.map_or_else(|| tr("check-no-name"), str::to_owned)
}

fn enabled_item(sp: Option<&ServicePrincipal>, expected: &Expected<'_>) -> CheckItem {
    match sp.map(|sp| sp.account_enabled) {
        None => CheckItem::not_checked(ItemId::Enabled, tr("check-enabled-not-yet"), None),
        // Graph leaves accountEnabled out only for an enabled app (its default is true).
        Some(Some(true) | None) => CheckItem::passed(ItemId::Enabled, tr("check-enabled")),
        Some(Some(false)) => CheckItem::failed(
            ItemId::Enabled,
            Finding::new(FindingCode::RegistrationDisabled)
                .with(Param::ClientId, expected.client_id),
        ),
    }
}

fn uris(p: &Option<super::graph::Platform>) -> &[String] {
    p.as_ref().map_or(&[], |p| p.redirect_uris.as_slice())
}

fn public_client_item(app: &Application, expected: &Expected<'_>) -> CheckItem {
    if uris(&app.public_client).is_empty() {
        let mut has: Vec<&str> = Vec::new();
        if !uris(&app.web).is_empty() {
            has.push(WEB);
        }
        if !uris(&app.spa).is_empty() {
            has.push(SPA);
        }
        let problem = if has.is_empty() {
            tr("detail-registration-no-platform")
        } else {
            let has: Vec<String> = has.into_iter().map(platform_name).collect();
            tr_with(
                "detail-registration-only-platform",
                &[
                    ("count", has.len().into()),
                    ("platforms", both(&has).into()),
                ],
            )
        };
        return CheckItem::failed(
            ItemId::PublicClient,
            Finding::new(FindingCode::RegistrationNotPublicClient)
                .with(Param::ClientId, expected.client_id)
                .with(Param::Problem, problem),
        );
    }
    if app.is_fallback_public_client != Some(true) {
        return CheckItem::failed(
            ItemId::PublicClient,
            Finding::new(FindingCode::RegistrationPublicFlowsOff)
                .with(Param::ClientId, expected.client_id),
        );
    }
    CheckItem::passed(
        ItemId::PublicClient,
        tr_with(
            "check-public-client",
            &[("platform", platform_name(PUBLIC).into())],
        ),
    )
}

fn client_secret_item(
    app: Option<&Application>,
    expected: &Expected<'_>,
    secret: &SecretTrial,
) -> CheckItem {
    let id = ItemId::ClientSecret;
    let finding = |code| Finding::new(code).with(Param::ClientId, expected.client_id);
    if let Some(problem) = app.and_then(|app| no_current_secret(app, expected.now_secs)) {
        return CheckItem::failed(
            id,
            finding(FindingCode::RegistrationNoCurrentSecret).with(Param::Problem, problem),
        );
    }
    match secret {
        SecretTrial::NotStored | SecretTrial::NotNeeded => {
            CheckItem::failed(id, finding(FindingCode::RegistrationSecretNotStored))
        }
        SecretTrial::Refused(problem) => CheckItem::failed(
            id,
            finding(FindingCode::RegistrationSecretRefused).with(Param::Problem, problem),
        ),
        SecretTrial::NotTried(f) => CheckItem::not_checked(
            id,
            tr_with(
                "check-secret-not-tried",
                &[("title", f.title.clone().into())],
            ),
            Some((**f).clone()),
        ),
        SecretTrial::Accepted => CheckItem::passed(id, tr("check-secret-accepted")),
    }
}

/// Why the registration has no usable client secret, if so: none, or all expired.
fn no_current_secret(app: &Application, now_secs: u64) -> Option<String> {
    if app.password_credentials.is_empty() {
        return Some(tr("detail-registration-no-secret"));
    }
    let ends: Vec<jiff::Timestamp> = app
        .password_credentials
        .iter()
        .filter_map(|c| c.end_date_time.as_deref()?.parse().ok())
        .collect();
    let now = i64::try_from(now_secs).unwrap_or(i64::MAX);
    // A secret without a readable end date counts as valid: only Microsoft can say.
    if ends.len() < app.password_credentials.len() || ends.iter().any(|t| t.as_second() > now) {
        return None;
    }
    let last = ends.iter().max()?;
    Some(tr_with(
        "detail-registration-secret-expired",
        &[("date", last.strftime("%Y-%m-%d").to_string().into())],
    ))
}

/// A platform's name as the Entra admin center shows it in the person's language (the
/// constants are its English names).
fn platform_name(platform: &str) -> String {
    match platform {
        PUBLIC => tr("detail-registration-platform-public"),
        WEB => tr("detail-registration-platform-web"),
        SPA => tr("detail-registration-platform-spa"),
        other => other.to_owned(),
    }
}

/// Names as one list, e.g. "Web and Single-page application".
fn both(names: &[String]) -> String {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    crate::l10n::join(&names, "detail-registration-both")
}

/// Whether `registered` is the loopback address `form` (any port; same host and path).
fn same_loopback(registered: &str, form: &RedirectForm) -> bool {
    let want = form.uri(1);
    Url::parse(registered).is_ok_and(|u| {
        u.scheme() == "http" && u.host_str() == want.host_str() && u.path() == want.path()
    })
}

fn redirect_item(app: &Application, expected: &Expected<'_>) -> CheckItem {
    let form = expected.redirect;
    let redirect = form.registered();
    let platforms = [
        (PUBLIC, uris(&app.public_client)),
        (WEB, uris(&app.web)),
        (SPA, uris(&app.spa)),
    ];
    let wanted = match expected.client_type {
        ClientType::Public => PUBLIC,
        ClientType::Confidential => WEB,
    };
    let mut right = false;
    let mut wrong = Vec::new();
    for (platform, list) in platforms {
        for uri in list.iter().filter(|u| same_loopback(u, form)) {
            if platform == wanted {
                right = true;
            } else {
                wrong.push(format!("{} ({uri})", platform_name(platform)));
            }
        }
    }
    let finding = |code| {
        Finding::new(code)
            .with(Param::ClientId, expected.client_id)
            .with(Param::Redirect, &redirect)
            .with(Param::Platform, platform_name(wanted))
    };
    if !wrong.is_empty() {
        let id = if right {
            "detail-registration-redirect-also"
        } else {
            "detail-registration-redirect-instead"
        };
        let problem = tr_with(id, &[("platforms", both(&wrong).into())]);
        return CheckItem::failed(
            ItemId::Redirect,
            finding(FindingCode::RegistrationRedirectWrongPlatform).with(Param::Problem, problem),
        );
    }
    if !right {
        return CheckItem::failed(
            ItemId::Redirect,
            finding(FindingCode::RegistrationRedirectMissing),
        );
    }
    CheckItem::passed(
        ItemId::Redirect,
        tr_with(
            "check-redirect",
            &[
                ("redirect", redirect.into()),
                ("platform", platform_name(wanted).into()),
            ],
        ),
    )
}

/// Permission names by API: the ids the registration and the grants hold, read through the
/// APIs' own lists.
struct Names<'a> {
    apis: &'a [ServicePrincipal],
}

/// A permission the registration or a grant holds, named.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Held {
    /// The API's application id.
    api: String,
    /// The permission's name (its id when the API does not say).
    name: String,
    /// An application permission (`Role`), not a delegated one.
    application: bool,
}

impl Held {
    /// Whether this is a permission the app needs (delegated, from the right API).
    fn needed(&self) -> bool {
        !self.application && needed_from(&self.name).contains(&self.api.as_str())
    }

    /// In words, e.g. `Mail.ReadWrite (Microsoft Graph)`.
    fn words(&self, names: &Names<'_>) -> String {
        format!("{} ({})", self.name, names.api_name(&self.api))
    }
}

/// The APIs a needed permission may come from; none for one the app does not need.
fn needed_from(name: &str) -> &'static [&'static str] {
    if MAIL_PERMISSIONS.contains(&name) {
        &[GRAPH_APP_ID, EXCHANGE_APP_ID]
    } else if OIDC_SCOPES.contains(&name) {
        &[GRAPH_APP_ID]
    } else {
        &[]
    }
}

/// Every permission the app needs, in the order the fix names them.
fn needed() -> impl Iterator<Item = &'static str> {
    MAIL_PERMISSIONS.iter().chain(OIDC_SCOPES).copied()
}

impl<'a> Names<'a> {
    fn new(apis: &'a [ServicePrincipal]) -> Names<'a> {
        Names { apis }
    }

    fn by_app_id(&self, app_id: &str) -> Option<&'a ServicePrincipal> {
        self.apis
            .iter()
            .find(|a| a.app_id.eq_ignore_ascii_case(app_id))
    }

    fn by_object_id(&self, id: &str) -> Option<&'a ServicePrincipal> {
        self.apis.iter().find(|a| a.id.eq_ignore_ascii_case(id))
    }

    fn api_name(&self, app_id: &str) -> String {
        match app_id {
            GRAPH_APP_ID => "Microsoft Graph".to_owned(),
            EXCHANGE_APP_ID => "Office 365 Exchange Online".to_owned(),
            other => self
                .by_app_id(other)
                .and_then(|a| a.display_name.clone())
                .unwrap_or_else(|| format!("the API {other}")),
        }
    }

    /// The permission `id` of the API `app_id`, by kind.
    fn held(&self, app_id: &str, id: &str, application: bool) -> Held {
        let list = self.by_app_id(app_id).map_or(&[][..], |a| {
            if application {
                a.app_roles.as_slice()
            } else {
                a.oauth2_permission_scopes.as_slice()
            }
        });
        let name = list
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(id))
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| id.to_owned());
        Held {
            api: app_id.to_owned(),
            name,
            application,
        }
    }

    /// What the registration asks for.
    fn requested(&self, app: &Application) -> BTreeSet<Held> {
        app.required_resource_access
            .iter()
            .flat_map(|r| {
                r.resource_access
                    .iter()
                    .map(|a| self.held(&r.resource_app_id, &a.id, a.kind == "Role"))
            })
            .collect()
    }
}

fn permissions_item(app: &Application, names: &Names<'_>, expected: &Expected<'_>) -> CheckItem {
    let requested = names.requested(app);
    let missing: Vec<&str> = needed()
        .filter(|p| {
            !requested
                .iter()
                .any(|h| h.needed() && h.name.eq_ignore_ascii_case(p))
        })
        .collect();
    if missing.is_empty() {
        let all = needed().collect::<Vec<_>>().join(", ");
        return CheckItem::passed(
            ItemId::Permissions,
            tr_with("check-permissions", &[("permissions", all.into())]),
        );
    }
    CheckItem::failed(
        ItemId::Permissions,
        Finding::new(FindingCode::RegistrationPermissionsMissing)
            .with(Param::ClientId, expected.client_id)
            .with(Param::Permissions, missing.join(", ")),
    )
}

/// The delegated permissions consented, and whether for everyone (`AllPrincipals`).
fn consented(facts: &Facts, names: &Names<'_>) -> Vec<(Held, bool)> {
    facts
        .grants
        .iter()
        .flat_map(|g| {
            let api = names
                .by_object_id(&g.resource_id)
                .map(|a| a.app_id.clone())
                .unwrap_or_else(|| g.resource_id.clone());
            let everyone = g.consent_type == "AllPrincipals";
            g.scope
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
                .map(move |name| {
                    let held = Held {
                        api: api.clone(),
                        name: name.to_owned(),
                        application: false,
                    };
                    (held, everyone)
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn consent_item(facts: &Facts, names: &Names<'_>, expected: &Expected<'_>) -> CheckItem {
    let grants = consented(facts, names);
    let missing: Vec<&str> = needed()
        .filter(|p| {
            !grants
                .iter()
                .any(|(h, everyone)| *everyone && h.needed() && h.name.eq_ignore_ascii_case(p))
        })
        .collect();
    if missing.is_empty() {
        return CheckItem::passed(ItemId::Consent, tr("check-consent"));
    }
    let mut f = Finding::new(FindingCode::RegistrationConsentMissing)
        .with(Param::ClientId, expected.client_id)
        .with(Param::Permissions, missing.join(", "))
        .with(Param::Link, expected.consent_link);
    if grants.iter().any(|(_, everyone)| !everyone) {
        f = f.with_evidence("some users consented for themselves only");
    }
    CheckItem::failed(ItemId::Consent, f)
}

fn unneeded_item(facts: &Facts, names: &Names<'_>, expected: &Expected<'_>) -> CheckItem {
    let mut held: BTreeSet<Held> = facts
        .application
        .as_ref()
        .map(|app| names.requested(app))
        .unwrap_or_default();
    held.extend(facts.app_roles.iter().map(|r| {
        let api = names
            .by_object_id(&r.resource_id)
            .map(|a| a.app_id.clone())
            .unwrap_or_else(|| r.resource_id.clone());
        names.held(&api, &r.app_role_id, true)
    }));
    held.extend(consented(facts, names).into_iter().map(|(h, _)| h));
    let application: Vec<String> = held
        .iter()
        .filter(|h| h.application)
        .map(|h| h.words(names))
        .collect();
    if !application.is_empty() {
        return CheckItem::failed(
            ItemId::Unneeded,
            Finding::new(FindingCode::RegistrationPermissionsUnneeded)
                .with(Param::ClientId, expected.client_id)
                .with(Param::Permissions, application.join(", ")),
        );
    }
    let extra: BTreeSet<String> = held
        .iter()
        .filter(|h| !h.needed())
        .map(|h| h.words(names))
        .collect();
    // Without the registration (it lives in another organisation), only the grants are read.
    let granted = if facts.application.is_some() {
        ""
    } else {
        "-granted"
    };
    if extra.is_empty() {
        return CheckItem::passed(
            ItemId::Unneeded,
            tr(&format!("check-unneeded-none{granted}")),
        );
    }
    let count = extra.len();
    let extra = extra.into_iter().collect::<Vec<_>>().join(", ");
    CheckItem::passed(
        ItemId::Unneeded,
        tr_with(
            &format!("check-unneeded-extra{granted}"),
            &[("count", count.into()), ("permissions", extra.into())],
        ),
    )
}
