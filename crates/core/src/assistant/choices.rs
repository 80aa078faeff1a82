//! What the sign-in page offers for a mailbox: the provider's OAuth sign-in (when the app is set
//! up for it), a password (Google App Password, or another provider's password), and whether
//! the servers are known. Data for the page and the CLI; no decision is left to them.

use serde::Serialize;

use super::Assistant;
use crate::address::Address;
use crate::findings::Finding;
use crate::provider::{MailServers, OAuthFlavour, OAuthProfile, ProviderKind, SignInMethod};

/// Which kind of password a provider takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordKind {
    /// A Google App Password (16 letters; 2-Step Verification required:
    /// <https://support.google.com/accounts/answer/185833>).
    AppPassword,
    /// The provider's own mail password.
    Password,
}

/// The sign-in screen the page opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInScreen {
    /// The provider's browser sign-in.
    Oauth,
    /// A Google App Password.
    AppPassword,
    /// The provider's mail password.
    Password,
}

impl SignInScreen {
    /// The screen to open with: the browser sign-in unless the provider only takes a password
    /// here, or the person chose a password for this mailbox before.
    fn first(oauth: bool, password: Option<PasswordKind>, default: SignInMethod) -> Self {
        let password_screen = match password {
            None => return SignInScreen::Oauth,
            Some(PasswordKind::AppPassword) => SignInScreen::AppPassword,
            Some(PasswordKind::Password) => SignInScreen::Password,
        };
        if !oauth || default == SignInMethod::Password {
            password_screen
        } else {
            SignInScreen::Oauth
        }
    }
}

/// The sign-in choices for one mailbox.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInChoices {
    /// The provider.
    pub provider: ProviderKind,
    /// The provider in words.
    pub provider_label: String,
    /// `Microsoft` or `Google` when OAuth sign-in is possible here.
    pub oauth: Option<&'static str>,
    /// `Microsoft` or `Google`: whose browser sign-in the provider has, set up here or not.
    pub oauth_provider: Option<&'static str>,
    /// Whether signing in with a code on another device is offered: Microsoft's device code
    /// flow once Microsoft sign-in is set up, unless the organisation refused it earlier in
    /// this process (AADSTS530033 / AADSTS53003).
    pub device_code: bool,
    /// Whether a shared mailbox can be opened with one's own account (Microsoft 365 only).
    pub shared_mailbox: bool,
    /// Why OAuth is not possible although the provider has it (for the administrator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_unavailable: Option<Finding>,
    /// The kind of password the provider takes, when it takes one.
    pub password: Option<PasswordKind>,
    /// The sign-in method used unless the person picks another.
    pub default_method: SignInMethod,
    /// The screen the page opens with.
    pub first_screen: SignInScreen,
    /// Whether the mail servers are known (else the page asks for them).
    pub servers_known: bool,
    /// The servers in use, for other providers (where they came from is in `source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub servers: Option<MailServers>,
}

impl Assistant {
    /// The sign-in choices for `address` (after discovery, when it ran).
    pub fn sign_in_choices(&self, address: &Address) -> SignInChoices {
        let profile = self.profile(address);
        let oauth_ready = profile
            .oauth
            .as_ref()
            .filter(|o| o.client_id.is_some())
            .map(|o| o.provider_name());
        // Other providers sign in with a password: nothing to explain there.
        let oauth_unavailable = (profile.kind != ProviderKind::Other)
            .then(|| crate::profile::oauth_unavailable(&profile, address))
            .flatten()
            .map(Finding::finish);
        let password = match (profile.password, profile.kind) {
            (false, _) => None,
            (true, ProviderKind::Google) => Some(PasswordKind::AppPassword),
            (true, _) => Some(PasswordKind::Password),
        };
        let default_method = self.method(address, &profile);
        SignInChoices {
            first_screen: SignInScreen::first(oauth_ready.is_some(), password, default_method),
            provider: profile.kind,
            provider_label: profile.kind.label(),
            oauth: oauth_ready,
            oauth_provider: match profile.kind {
                ProviderKind::Microsoft365 | ProviderKind::MicrosoftPersonal => Some("Microsoft"),
                ProviderKind::Google => Some("Google"),
                ProviderKind::Other => None,
            },
            device_code: self.offers_device_code(profile.oauth.as_ref(), address),
            shared_mailbox: profile.kind == ProviderKind::Microsoft365,
            oauth_unavailable,
            password,
            default_method,
            servers_known: profile.servers_known,
            servers: (profile.kind == ProviderKind::Other && profile.servers_known).then(|| {
                MailServers {
                    smtp: profile.smtp.clone(),
                    imap: profile.imap.clone(),
                    username: profile.username.clone(),
                    source: self
                        .discovered_servers_source(address)
                        .unwrap_or_else(|| "settings".into()),
                }
            }),
        }
    }

    /// Whether signing in with a code on another device is offered to `account`: Microsoft's
    /// device code flow ([RFC 8628](https://www.rfc-editor.org/rfc/rfc8628)) once Microsoft
    /// sign-in is set up, unless the organisation refused it in this process (AADSTS530033 or
    /// AADSTS53003, test `a_device_code_block_means_no_device_code_offer`). Google's device
    /// flow does not allow the mail scope
    /// (<https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes>).
    pub(super) fn offers_device_code(
        &self,
        oauth: Option<&OAuthProfile>,
        account: &Address,
    ) -> bool {
        oauth.is_some_and(|o| o.client_id.is_some() && o.flavour == OAuthFlavour::Entra)
            && !self.memory.device_code_blocked(account)
    }

    fn discovered_servers_source(&self, address: &Address) -> Option<String> {
        self.memory
            .typed_servers(address)
            .map(|s| s.source)
            .or_else(|| {
                self.memory
                    .discovery(address)
                    .and_then(|d| d.servers.map(|s| s.source))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_is_the_browser_unless_only_a_password_is_possible_or_chosen() {
        use {PasswordKind as K, SignInMethod as M, SignInScreen as S};
        assert_eq!(S::first(true, None, M::OAuth), S::Oauth);
        assert_eq!(S::first(false, None, M::OAuth), S::Oauth);
        assert_eq!(
            S::first(false, Some(K::AppPassword), M::OAuth),
            S::AppPassword
        );
        assert_eq!(S::first(true, Some(K::AppPassword), M::OAuth), S::Oauth);
        assert_eq!(
            S::first(true, Some(K::AppPassword), M::Password),
            S::AppPassword
        );
        assert_eq!(S::first(false, Some(K::Password), M::Password), S::Password);
    }
}
