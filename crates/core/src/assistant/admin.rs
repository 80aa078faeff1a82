//! The registration check, as a job: the administrator signs in (their own account, in the
//! browser, with PKCE, through Microsoft's "Microsoft Graph Command Line Tools" app — never the
//! registration under test, which may be the broken thing), the app reads the registration
//! from Microsoft Graph with that token, tries the stored client secret of a "Web"
//! registration, and judges ([`crate::registration::judge`]).
//!
//! Nothing of the administrator is stored: their token lives in memory for this check only (no
//! refresh token is asked for), and the vault and the account list are not touched but to read
//! whether a client secret is stored.
//!
//! A check that passed is remembered for this process: [`Assistant::save_for_staff`] then
//! writes the deployment files with the values it confirmed.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tokio_util::sync::CancellationToken;

use super::signin::BrowserRequest;
use super::{Assistant, SignInOptions};
use crate::browser::Browser;
use crate::deploy::{self, Values};
use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::claims::IdClaims;
use crate::oauth::client::{AuthOptions, SecretAnswer, Tokens};
use crate::oauth::endpoint::CodeGrant;
use crate::oauth::loopback::Page;
use crate::progress::{Done, ProgressSink, Run, Step};
use crate::provider::{OAuthFlavour, OAuthProfile, RedirectForm};
use crate::registration::graph::{Facts, Graph};
use crate::registration::{Expected, RegistrationReport, SecretTrial, StaffFiles};
use crate::settings::ClientType;

/// Options for [`Assistant::check_registration`].
#[derive(Clone)]
pub struct AdminCheckOptions {
    /// How to show the sign-in page.
    pub browser: Arc<dyn Browser>,
    /// Cancels the wait for the browser.
    pub cancel: CancellationToken,
    /// Overrides the settings' sign-in timeout.
    pub timeout: Option<Duration>,
    /// The administrator's account, suggested to Microsoft (`login_hint`); without it Microsoft
    /// shows the account picker.
    pub admin: Option<String>,
}

impl AdminCheckOptions {
    /// Default options with `browser`.
    pub fn new(browser: Arc<dyn Browser>) -> AdminCheckOptions {
        AdminCheckOptions {
            browser,
            cancel: CancellationToken::new(),
            timeout: None,
            admin: None,
        }
    }
}

/// The administrator's sign-in, for this check only.
struct AdminSession {
    /// The Graph access token (secret; dropped with the session).
    token: SecretString,
    /// Their organisation: the one checked.
    tenant_id: String,
    /// Their account, for the report.
    account: String,
}

/// What a check that ran found, besides its items.
struct Checked {
    items: Vec<crate::registration::CheckItem>,
    client_id: String,
    tenant_id: String,
    account: String,
    app_name: Option<String>,
}

/// Who the start page asks for when no account was given.
const ANY_ADMIN: &str = "an administrator of your organisation";

impl Assistant {
    /// Checks the app registration in `[microsoft] client_id` as the administrator who signs in,
    /// item by item (see [`crate::registration`]).
    pub async fn check_registration(
        &self,
        opts: &AdminCheckOptions,
        sink: &dyn ProgressSink,
    ) -> RegistrationReport {
        let run = Run::new(sink);
        let result = self.registration_check(opts, &run).await;
        let steps = run.into_records();
        let client_id = self.settings.microsoft.client_id.clone();
        let report = match result {
            Ok(c) => RegistrationReport {
                client_id: Some(c.client_id),
                tenant_id: Some(c.tenant_id),
                signed_in: Some(c.account),
                app_name: c.app_name,
                ..RegistrationReport::new(c.items, steps)
            },
            Err(f) => RegistrationReport {
                client_id,
                ..RegistrationReport::stopped(f, steps)
            },
        };
        self.memory.keep_check(&report);
        report
    }

    /// Saves the deployment files for staff (ADMX/ADML, `.mobileconfig`, `settings.toml`) with
    /// the values the latest registration check confirmed ([`crate::registration::staff_values`]):
    /// into `dir`, or into a new folder named after today under the Documents folder.
    ///
    /// # Errors
    /// `DEPLOYMENT_NEEDS_PASSED_CHECK` when the latest check in this process did not pass (or
    /// none ran); `DEPLOYMENT_FILES_NOT_SAVED` when a folder or file cannot be written.
    pub fn save_for_staff(&self, dir: Option<&Path>) -> Result<StaffFiles, Finding> {
        let values = self
            .memory
            .passed_check()
            .and_then(|report| crate::registration::staff_values(&self.settings, &report))
            .ok_or_else(|| Finding::new(FindingCode::DeploymentNeedsPassedCheck))?;
        let folder = match dir {
            Some(d) => d.to_path_buf(),
            None => {
                let today = deploy::folder_date(
                    self.clock.now_secs(),
                    &jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC),
                );
                deploy::new_folder(&deploy::default_parent(), &today)?
            }
        };
        let saved = deploy::save_all(&deploy::files(Values::Given(&values)), &folder)?;
        Ok(StaffFiles {
            saved,
            values: crate::registration::filled(&values),
        })
    }

    async fn registration_check(
        &self,
        opts: &AdminCheckOptions,
        run: &Run<'_>,
    ) -> Result<Checked, Finding> {
        let ms = &self.settings.microsoft;
        let Some(client_id) = ms.client_id.clone() else {
            return Err(run.fail(Step::Prepare, Finding::new(FindingCode::AppNotConfigured)));
        };
        let admin = self.admin_sign_in(opts, run).await?;
        let facts = {
            let graph = Graph::new(&self.http, &ms.graph, &admin.token, &admin.account);
            run.step_detail(Step::ReadRegistration, async {
                let facts = graph.read(&client_id).await?;
                let detail = facts_detail(&facts);
                Ok(Done::with_detail(facts, detail))
            })
            .await?
        };
        // The administrator's token is needed no more.
        drop(admin.token);
        let secret = match ms.client_type {
            ClientType::Public => SecretTrial::NotNeeded,
            ClientType::Confidential => self.secret_trial(&client_id, &admin.tenant_id, run).await,
        };
        let form = &ms.redirect;
        let link = consent_link(&ms.authority, &admin.tenant_id, &client_id);
        let items = crate::registration::judge(
            &facts,
            &Expected {
                client_id: &client_id,
                tenant_id: &admin.tenant_id,
                client_type: ms.client_type,
                redirect: form,
                consent_link: &link,
                now_secs: self.clock.now_secs(),
            },
            &secret,
        );
        Ok(Checked {
            items,
            app_name: facts.application.and_then(|a| a.display_name),
            client_id,
            tenant_id: admin.tenant_id,
            account: admin.account,
        })
    }

    /// The administrator's sign-in in the browser: a Graph token to read the directory, and
    /// who they are (the ID token's `tid` is the organisation checked).
    async fn admin_sign_in(
        &self,
        opts: &AdminCheckOptions,
        run: &Run<'_>,
    ) -> Result<AdminSession, Finding> {
        let profile = self.admin_profile();
        let account = opts.admin.as_deref().unwrap_or(ANY_ADMIN);
        let fill = |f: Finding| {
            f.with_if_used(Param::Mailbox, account)
                .with_if_used(Param::Provider, "Microsoft")
                .with_if_used(Param::Tenant, &profile.tenant)
                .with_if_used(Param::ClientId, &self.settings.microsoft.check_client_id)
        };
        let hints = match &opts.admin {
            Some(a) => AuthOptions {
                login_hint: Some(a.clone()),
                ..Default::default()
            },
            // The browser may be signed in as someone else: let the administrator choose.
            None => AuthOptions {
                prompt: Some("select_account".into()),
                ..Default::default()
            },
        };
        let browser = BrowserRequest {
            profile: &profile,
            hints,
            account,
            device_code: false,
            fill: &fill,
        };
        let sign_in = SignInOptions {
            browser: Arc::clone(&opts.browser),
            cancel: opts.cancel.clone(),
            timeout: opts.timeout,
            pick_account: opts.admin.is_none(),
            sign_in_as: None,
        };
        let (request, code, reply) = self.authorization_code(browser, &sign_in, run).await?;
        let nonce = request.nonce.clone();
        let redeemed = run
            .step_detail(Step::CodeExchange, async {
                let grant = CodeGrant {
                    redirect_uri: &request.redirect_uri,
                    code,
                    verifier: request.verifier,
                    secret: None,
                };
                let tokens = self.token_endpoint.exchange_code(&profile, grant).await;
                let session = admin_session(tokens.map_err(&fill)?, nonce.secret(), &profile)?;
                let detail = crate::l10n::tr_with(
                    "detail-step-admin-signed-in",
                    &[
                        ("account", session.account.clone().into()),
                        ("tenant", session.tenant_id.clone().into()),
                    ],
                );
                Ok(Done::with_detail(session, detail))
            })
            .await;
        match &redeemed {
            Ok(s) => reply.send(Page::admin_signed_in(&s.account)).await,
            Err(f) => reply.send(Page::failed(&f.title)).await,
        }
        redeemed
    }

    /// Microsoft's Graph tools app at the settings' authority and tenant, asking to read the
    /// directory: `Directory.Read.All`, the least permission that reads consent grants
    /// (<https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants>);
    /// it also reads applications and service principals. The scope names the cloud's Graph
    /// resource (<https://learn.microsoft.com/graph/sdks/national-clouds>); no `offline_access`:
    /// nothing outlives the check.
    fn admin_profile(&self) -> OAuthProfile {
        let ms = &self.settings.microsoft;
        let graph = ms.cloud.graph();
        OAuthProfile {
            flavour: OAuthFlavour::Entra,
            authority: ms.authority.clone(),
            tenant: ms.tenant.clone(),
            client_id: Some(ms.check_client_id.clone()),
            // The tools app registers http://localhost (any port).
            redirect: RedirectForm::default(),
            scopes: vec![
                "openid".into(),
                "profile".into(),
                format!(
                    "{}/Directory.Read.All",
                    graph.as_str().trim_end_matches('/')
                ),
            ],
            authorize_endpoint: None,
        }
    }

    /// Tries the stored client secret of the confidential registration `client_id` in the
    /// organisation `tenant_id` ([`crate::oauth::client::try_client_secret`]).
    async fn secret_trial(&self, client_id: &str, tenant_id: &str, run: &Run<'_>) -> SecretTrial {
        let secret = match self.vault.load_client_secret(client_id).await {
            Ok(Some(s)) => s,
            Ok(None) => return SecretTrial::NotStored,
            Err(f) => return SecretTrial::NotTried(Box::new(f)),
        };
        let ms = &self.settings.microsoft;
        let profile = OAuthProfile {
            flavour: OAuthFlavour::Entra,
            authority: ms.authority.clone(),
            tenant: tenant_id.to_owned(),
            client_id: Some(client_id.to_owned()),
            redirect: ms.redirect.clone(),
            scopes: Vec::new(),
            authorize_endpoint: None,
        };
        let scope = format!(
            "{}/.default",
            ms.cloud.graph().as_str().trim_end_matches('/')
        );
        let tried = run
            .step_detail(Step::ClientSecretTrial, async {
                let answer =
                    crate::oauth::client::try_client_secret(&self.http, &profile, &secret, &scope)
                        .await;
                match answer {
                    Ok(SecretAnswer::Accepted) => Ok(Done::with_detail(
                        SecretTrial::Accepted,
                        "Microsoft accepted it (the token was thrown away unused)",
                    )),
                    Ok(SecretAnswer::Refused(said)) => {
                        Ok(Done::with_detail(SecretTrial::Refused(said.clone()), said))
                    }
                    Err(f) => Err(f),
                }
            })
            .await;
        tried.unwrap_or_else(|f| SecretTrial::NotTried(Box::new(f)))
    }
}

/// The session from the tools app's tokens: the access token, and the ID token's account and
/// organisation, bound to this sign-in by its `nonce` and audience.
fn admin_session(
    tokens: Tokens,
    nonce: &str,
    profile: &OAuthProfile,
) -> Result<AdminSession, Finding> {
    use secrecy::ExposeSecret;
    let client_id = profile.client_id.as_deref().unwrap_or_default();
    let id_token = tokens.id_token.as_ref().ok_or_else(|| {
        Finding::new(FindingCode::TokenIncomplete)
            .with_if_used(Param::Problem, crate::l10n::tr("detail-admin-no-id-token"))
    })?;
    let claims = IdClaims::decode_unverified(id_token.expose_secret()).map_err(|e| e.finding())?;
    claims.check(Some(nonce), client_id)?;
    let tenant_id = claims.tid.clone().ok_or_else(|| {
        Finding::new(FindingCode::IdTokenInvalid)
            .with(Param::Problem, crate::l10n::tr("detail-admin-no-tenant"))
    })?;
    Ok(AdminSession {
        token: tokens.access_token,
        account: claims.account_name(),
        tenant_id,
    })
}

/// Microsoft's admin-consent address for `client_id` in `tenant_id`
/// (<https://learn.microsoft.com/entra/identity-platform/v2-admin-consent>).
fn consent_link(authority: &url::Url, tenant_id: &str, client_id: &str) -> String {
    format!(
        "{}/{tenant_id}/adminconsent?client_id={client_id}",
        authority.as_str().trim_end_matches('/')
    )
}

/// What Graph returned, in a few words, for the step's detail.
fn facts_detail(facts: &Facts) -> String {
    let found = match (&facts.application, &facts.service_principal) {
        (Some(_), _) => "registration",
        (None, Some(_)) => "enterprise",
        (None, None) => "none",
    };
    crate::l10n::tr_with(
        "detail-step-graph-facts",
        &[
            ("found", found.into()),
            ("grants", facts.grants.len().into()),
            ("roles", facts.app_roles.len().into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::assistant::fakes::harness;
    use crate::findings::FindingCode;
    use crate::registration::{CheckItem, ItemId, RegistrationReport};
    use crate::settings::Settings;

    const CLIENT_ID: &str = "6e1f5a3c-0d4b-4c8e-9a51-2b7c3d9e8f10";
    const TENANT_ID: &str = "5f0a7c4e-1b2d-4c3e-9f10-1234567890ab";

    fn checked(passed: bool) -> RegistrationReport {
        let item = if passed {
            CheckItem::passed(ItemId::Consent, "consented")
        } else {
            CheckItem::failed(
                ItemId::Consent,
                crate::findings::Finding::new(FindingCode::RegistrationConsentMissing),
            )
        };
        RegistrationReport {
            client_id: Some(CLIENT_ID.into()),
            tenant_id: Some(TENANT_ID.into()),
            ..RegistrationReport::new(vec![item], Vec::new())
        }
    }

    fn settings() -> Settings {
        Settings::parse(
            &format!("[microsoft]\ntenant = \"organizations\"\nclient_id = \"{CLIENT_ID}\""),
            None,
        )
        .unwrap()
    }

    #[test]
    fn files_for_staff_need_a_check_that_passed_and_carry_its_values() {
        let h = harness(settings());
        let dir = tempfile::tempdir().unwrap();
        let refused = h.assistant.save_for_staff(Some(dir.path())).unwrap_err();
        assert_eq!(refused.code, FindingCode::DeploymentNeedsPassedCheck);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing written"
        );

        h.assistant.memory.keep_check(&checked(true));
        let saved = h.assistant.save_for_staff(Some(dir.path())).unwrap();
        assert_eq!(saved.saved.files.len(), 4);
        let toml = std::fs::read_to_string(dir.path().join("settings.toml")).unwrap();
        let staff = Settings::parse(&toml, None).unwrap();
        assert_eq!(staff.microsoft.tenant, TENANT_ID);
        assert_eq!(staff.microsoft.client_id.as_deref(), Some(CLIENT_ID));
        assert!(
            saved
                .values
                .iter()
                .any(|v| v.key == "microsoft.tenant" && v.value == TENANT_ID)
        );
        let json = serde_json::to_value(&saved).unwrap();
        assert!(
            json["folder"].is_string() && json["files"].is_array() && json["values"].is_array()
        );

        // A later check that failed takes the permission back.
        h.assistant.memory.keep_check(&checked(false));
        let refused = h.assistant.save_for_staff(Some(dir.path())).unwrap_err();
        assert_eq!(refused.code, FindingCode::DeploymentNeedsPassedCheck);
    }
}
