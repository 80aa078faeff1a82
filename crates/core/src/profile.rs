//! The one place that turns the administrator's [`Settings`], what [`discovery`](crate::discovery)
//! found and what is known of a set-up account into the [`Profile`] a mailbox uses. The connection
//! check, the sign-in and the verification take the profile; none of them looks at settings for
//! servers or endpoints itself.

use crate::address::Address;
use crate::discovery::{Discovery, Found};
use crate::findings::{Finding, FindingCode, Param};
use crate::provider::{
    Cloud, Endpoint, GOOGLE_SCOPES, LoopbackHost, MailServers, OAuthFlavour, OAuthProfile, Profile,
    ProviderKind, RedirectForm, Security,
};
use crate::settings::{GoogleSettings, Settings};

/// A profile of `kind`'s fixed parts with submission on `smtp` (STARTTLS) and IMAP on `imap`
/// (implicit TLS), unless the settings name the servers; no OAuth, no password, to be
/// completed by the caller.
fn servers(settings: &Settings, smtp: (&str, u16), imap: (&str, u16)) -> Profile {
    Profile {
        kind: ProviderKind::Other,
        smtp: Endpoint::new(settings.smtp.as_ref(), smtp, Security::StartTls),
        imap: Endpoint::new(settings.imap.as_ref(), imap, Security::ImplicitTls),
        oauth: None,
        password: false,
        username: None,
        servers_known: true,
    }
}

/// The Microsoft 365 profile with the administrator's overrides applied.
pub fn microsoft365(settings: &Settings) -> Profile {
    microsoft365_in(settings, settings.microsoft.cloud)
}

/// The Microsoft 365 profile in `cloud`: its sign-in address (unless the settings name another
/// host, such as a proxy), its mail servers (unless the settings name them) and its Exchange
/// Online permissions, as one unit — never mixed with another cloud's
/// (<https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud>; test
/// `field_n06_a_profile_never_mixes_two_clouds`).
fn microsoft365_in(settings: &Settings, cloud: Cloud) -> Profile {
    let ms = &settings.microsoft;
    let authority = if ms.authority == ms.cloud.authority() {
        cloud.authority()
    } else {
        ms.authority.clone()
    };
    Profile {
        kind: ProviderKind::Microsoft365,
        oauth: Some(OAuthProfile {
            flavour: OAuthFlavour::Entra,
            authority,
            tenant: ms.tenant.clone(),
            client_id: ms.client_id.clone(),
            redirect: ms.redirect.clone(),
            scopes: cloud.scopes(),
            authorize_endpoint: None,
        }),
        ..servers(settings, cloud.smtp(), cloud.imap())
    }
}

/// The cloud a Microsoft 365 mailbox uses: the one the settings chose, else the one discovery
/// found for its organisation (`cloud_instance_name` of Entra's OpenID configuration,
/// <https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>), else the worldwide.
pub fn cloud_for(settings: &Settings, discovery: Option<&Discovery>) -> Cloud {
    let ms = &settings.microsoft;
    match discovery.and_then(|d| d.cloud) {
        Some(found) if !ms.cloud_provisioned => found,
        _ => ms.cloud,
    }
}

/// `NATIONAL_CLOUD_MISMATCH` when the settings chose another cloud than the one discovery found
/// for the organisation: a sign-in there cannot work (AADSTS900382, 90038), so it does not
/// start (test `field_n06_the_cloud_discovery_finds_is_used_or_the_mismatch_is_named`).
pub fn cloud_conflict(settings: &Settings, discovery: &Discovery) -> Option<Finding> {
    let ms = &settings.microsoft;
    let found = discovery
        .cloud
        .filter(|c| ms.cloud_provisioned && *c != ms.cloud)?;
    Some(Finding::new(FindingCode::NationalCloudMismatch).with(
        Param::Problem,
        crate::l10n::tr_with(
            "detail-profile-cloud-conflict",
            &[
                ("domain", discovery.domain.to_string().into()),
                ("found", found.label().into()),
                ("configured", ms.cloud.label().into()),
            ],
        ),
    ))
}

/// A personal Microsoft account: the `consumers` authority, the personal-accounts
/// registration (`[outlook] client_id`), Outlook.com's servers (ISPDB outlook.com:
/// <https://github.com/thunderbird/autoconfig/blob/master/ispdb/outlook.com.xml>; the same
/// Exchange resource and scopes as work accounts:
/// <https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>).
pub fn microsoft_personal(settings: &Settings) -> Profile {
    let ms = &settings.microsoft;
    Profile {
        kind: ProviderKind::MicrosoftPersonal,
        oauth: Some(OAuthProfile {
            flavour: OAuthFlavour::Entra,
            authority: ms.authority.clone(),
            tenant: "consumers".into(),
            client_id: settings.outlook.client_id.clone(),
            redirect: ms.redirect.clone(),
            scopes: Cloud::Global.scopes(),
            authorize_endpoint: None,
        }),
        ..servers(
            settings,
            ("smtp-mail.outlook.com", 587),
            ("outlook.office365.com", 993),
        )
    }
}

/// Gmail / Google Workspace (hosts from ISPDB:
/// <https://github.com/thunderbird/autoconfig/blob/master/ispdb/googlemail.com.xml>): Google
/// sign-in when configured, and an App
/// Password always possible.
pub fn google(settings: &Settings) -> Profile {
    Profile {
        kind: ProviderKind::Google,
        oauth: settings
            .google
            .client_id
            .is_some()
            .then(|| google_oauth(&settings.google)),
        password: true,
        ..servers(settings, ("smtp.gmail.com", 587), ("imap.gmail.com", 993))
    }
}

/// Another provider with `servers` (autoconfig or typed in); password sign-in. Without
/// servers the profile says so ([`Profile::servers_known`]).
pub fn other(settings: &Settings, servers: Option<&MailServers>) -> Profile {
    let (smtp, imap, username) = match servers {
        Some(s) => (s.smtp.clone(), s.imap.clone(), s.username.clone()),
        None => (
            Endpoint {
                host: String::new(),
                port: 587,
                security: Security::StartTls,
            },
            Endpoint {
                host: String::new(),
                port: 993,
                security: Security::ImplicitTls,
            },
            None,
        ),
    };
    let smtp = match &settings.smtp {
        Some(hp) => Endpoint::new(Some(hp), ("", 0), smtp.security),
        None => smtp,
    };
    let imap = match &settings.imap {
        Some(hp) => Endpoint::new(Some(hp), ("", 0), imap.security),
        None => imap,
    };
    Profile {
        kind: ProviderKind::Other,
        servers_known: servers.is_some() || (settings.smtp.is_some() && settings.imap.is_some()),
        smtp,
        imap,
        oauth: None,
        password: true,
        username,
    }
}

/// The profile for `address`: the provider discovery found (or the domain tells), with the
/// administrator's settings, the tenant discovery found when the settings name none, and
/// for other providers the servers known for the account (stored, typed in or autoconfig).
pub fn for_address(
    address: &Address,
    settings: &Settings,
    discovery: Option<&Discovery>,
    servers: Option<&MailServers>,
) -> Profile {
    for_kind(address, settings, None, discovery, servers)
}

/// As [`for_address`], when the provider is already known (a set-up account):
/// `known` wins over discovery.
pub fn for_kind(
    address: &Address,
    settings: &Settings,
    known: Option<ProviderKind>,
    discovery: Option<&Discovery>,
    servers: Option<&MailServers>,
) -> Profile {
    let found = discovery.map(|d| match d.found {
        Found::Microsoft365 => ProviderKind::Microsoft365,
        Found::MicrosoftPersonal => ProviderKind::MicrosoftPersonal,
        Found::Google => ProviderKind::Google,
        Found::Unknown => ProviderKind::Other,
    });
    let kind = known
        .or(found)
        .or_else(|| ProviderKind::of_domain(address.domain()))
        .unwrap_or(ProviderKind::Microsoft365);
    match kind {
        ProviderKind::Microsoft365 => {
            let mut profile = microsoft365_in(settings, cloud_for(settings, discovery));
            if !settings.microsoft.tenant_provisioned
                && let Some(tenant) = discovery.and_then(|d| d.tenant_id.clone())
                && let Some(oauth) = profile.oauth.as_mut()
            {
                oauth.tenant = tenant;
            }
            profile
        }
        ProviderKind::MicrosoftPersonal => microsoft_personal(settings),
        ProviderKind::Google => google(settings),
        ProviderKind::Other => other(
            settings,
            servers.or(discovery.and_then(|d| d.servers.as_ref())),
        ),
    }
}

/// Google's profile from the settings: loopback redirect on `127.0.0.1` (Google's desktop
/// guidance), scope `https://mail.google.com/`.
pub fn google_oauth(g: &GoogleSettings) -> OAuthProfile {
    OAuthProfile {
        flavour: OAuthFlavour::Google,
        authority: g.token_url.clone(),
        tenant: String::new(),
        client_id: g.client_id.clone(),
        redirect: RedirectForm::without_path(LoopbackHost::Ipv4),
        scopes: GOOGLE_SCOPES.iter().map(|s| s.to_string()).collect(),
        authorize_endpoint: Some(g.authorize_url.clone()),
    }
}

/// Why the browser sign-in (OAuth) cannot start for `address`, or `None` when it can (a
/// client id is set up): the registration missing in the settings, by provider; for other
/// providers, that they sign in with a password (or need their server settings first).
pub fn oauth_unavailable(profile: &Profile, address: &Address) -> Option<Finding> {
    if profile
        .oauth
        .as_ref()
        .is_some_and(|o| o.client_id.is_some())
    {
        return None;
    }
    Some(match profile.kind {
        ProviderKind::Google => Finding::new(FindingCode::GoogleSignInNotConfigured),
        ProviderKind::MicrosoftPersonal => Finding::new(FindingCode::PersonalSignInNotConfigured),
        ProviderKind::Microsoft365 => Finding::new(FindingCode::AppNotConfigured),
        ProviderKind::Other if profile.servers_known => {
            Finding::new(FindingCode::PasswordSignInNeeded)
                .with(Param::Domain, address.domain())
                .with(Param::Mailbox, address.display())
        }
        ProviderKind::Other => {
            Finding::new(FindingCode::ServerSettingsNeeded).with(Param::Domain, address.domain())
        }
    })
}

#[cfg(test)]
mod tests;
