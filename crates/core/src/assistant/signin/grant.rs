//! The token-check stage: what the provider granted. Once this passes, the sign-in holds a
//! [`Grant`] — tokens with a refresh token for sure — so no later stage checks that again.

use secrecy::{ExposeSecret, SecretString};

use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::claims::{IdClaims, TokenHint, access_token_hint};
use crate::oauth::client::Tokens;
use crate::provider::{GOOGLE_SCOPES, MAIL_PERMISSIONS, OAuthFlavour};

/// Tokens that passed the grant check.
pub(in crate::assistant) struct Grant {
    /// The access token.
    pub access_token: SecretString,
    /// The refresh token (always there: the check refuses a grant without one).
    pub refresh_token: SecretString,
    /// The raw ID token, when `openid` produced one.
    pub id_token: Option<SecretString>,
    /// When the access token expires.
    pub expires_at: Option<std::time::SystemTime>,
    /// When the refresh token expires whatever happens, when the provider said.
    pub refresh_expires_at: Option<std::time::SystemTime>,
}

/// Checks what was granted: a refresh token (`offline_access`), the mail permissions, and — as
/// a hint only, since access tokens may be opaque (test `field_f06_*` in `oauth::claims`) — an
/// access token for Exchange rather than another resource. Returns the grant and a line for
/// the step.
///
/// # Errors
/// `TOKEN_INCOMPLETE` naming what is missing; `GOOGLE_SCOPE_NOT_GRANTED`; `TOKEN_WRONG_RESOURCE`.
pub(super) fn check(tokens: Tokens, flavour: OAuthFlavour) -> Result<(Grant, String), Finding> {
    let incomplete = |problem: &str| {
        Finding::new(FindingCode::TokenIncomplete).with(Param::Problem, crate::l10n::tr(problem))
    };
    let Some(refresh_token) = tokens.refresh_token else {
        return Err(incomplete(match flavour {
            OAuthFlavour::Entra => "detail-grant-no-refresh-token-microsoft",
            OAuthFlavour::Google => "detail-grant-no-refresh-token-google",
        }));
    };
    let detail = match flavour {
        OAuthFlavour::Google => google_scopes(tokens.scopes.as_deref())?,
        OAuthFlavour::Entra => {
            entra_scopes(tokens.scopes.as_deref())?;
            match access_token_hint(tokens.access_token.expose_secret()) {
                TokenHint::WrongResource(aud) => {
                    return Err(Finding::new(FindingCode::TokenWrongResource)
                        .with(Param::Problem, &aud)
                        .with_evidence(format!("aud={aud}")));
                }
                hint => hint.describe(),
            }
        }
    };
    let grant = Grant {
        access_token: tokens.access_token,
        refresh_token,
        id_token: tokens.id_token,
        expires_at: tokens.expires_at,
        refresh_expires_at: tokens.refresh_expires_at,
    };
    Ok((grant, detail))
}

/// Google: one scope for IMAP, POP and SMTP
/// (<https://developers.google.com/gmail/imap/xoauth2-protocol>); its access tokens are opaque.
/// Without it the person unticked Gmail on Google's consent page (granular consent,
/// <https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions>):
/// theirs to tick, not an administrator's.
fn google_scopes(granted: Option<&[String]>) -> Result<String, Finding> {
    match granted {
        Some(granted) if !granted.iter().any(|g| g == GOOGLE_SCOPES[0]) => {
            Err(Finding::new(FindingCode::GoogleScopeNotGranted)
                .with_evidence(format!("granted scope: {}", granted.join(" "))))
        }
        _ => Ok("Gmail access granted".into()),
    }
}

/// Entra: `SMTP.Send` and `IMAP.AccessAsUser.All`, with or without the resource prefix
/// (<https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>).
fn entra_scopes(granted: Option<&[String]>) -> Result<(), Finding> {
    let Some(granted) = granted else {
        return Ok(());
    };
    let missing: Vec<&str> = MAIL_PERMISSIONS
        .iter()
        .copied()
        .filter(|p| {
            !granted.iter().any(|g| {
                g.rsplit('/')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(p))
            })
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Finding::new(FindingCode::TokenIncomplete)
        .with(
            Param::Problem,
            crate::l10n::tr_with(
                "detail-grant-permission-missing",
                &[
                    ("count", missing.len().into()),
                    ("permissions", both(&missing).into()),
                ],
            ),
        )
        .with_evidence(format!("granted scope: {}", granted.join(" "))))
}

/// Permission names as one list, e.g. "SMTP.Send and IMAP.AccessAsUser.All".
fn both(names: &[&str]) -> String {
    crate::l10n::join(names, "detail-grant-both")
}

/// Decodes the ID token and checks it belongs to this sign-in (`nonce`, `aud`).
///
/// # Errors
/// `ID_TOKEN_INVALID`.
pub(super) fn id_claims(
    grant: &Grant,
    nonce: Option<&str>,
    client_id: &str,
) -> Result<IdClaims, Finding> {
    let jwt = grant.id_token.as_ref().ok_or_else(|| {
        Finding::new(FindingCode::IdTokenInvalid)
            .with(Param::Problem, crate::l10n::tr("detail-grant-no-id-token"))
    })?;
    let claims = IdClaims::decode_unverified(jwt.expose_secret()).map_err(|e| e.finding())?;
    claims.check(nonce, client_id)?;
    Ok(claims)
}
