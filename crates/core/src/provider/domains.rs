//! What a mail domain or a tenant id alone tells about the provider: the lists discovery and the
//! profile choice share.

/// Domains whose mailboxes are personal Microsoft accounts (Outlook.com, Hotmail, Live, MSN).
pub const CONSUMER_DOMAINS: &[&str] = &[
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "passport.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.it",
    "hotmail.es",
    "live.co.uk",
    "live.fr",
    "live.de",
    "live.nl",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "outlook.co.uk",
];

/// MX host suffixes that mean Microsoft 365: `<domain-with-dashes>.mail.protection.outlook.com`
/// (<https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365>)
/// and the US Government and China clouds' equivalents.
pub const M365_MX: &[&str] = &[
    ".mail.protection.outlook.com",
    ".mail.protection.outlook.us",
    ".mail.protection.partner.outlook.cn",
];
/// MX hosts that mean Google: `ASPMX.L.GOOGLE.COM` and its `ALTn` hosts, or `SMTP.GOOGLE.COM`
/// (<https://support.google.com/a/answer/174125>).
pub const GOOGLE_MX: &[&str] = &[
    "aspmx.l.google.com",
    "smtp.google.com",
    "googlemail.com",
    "google.com",
];

/// Google's consumer mail domains (Gmail).
pub const GOOGLE_DOMAINS: &[&str] = &["gmail.com", "googlemail.com"];

/// The tenant id (`tid`) of personal Microsoft accounts; usable in place of `consumers`
/// (<https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>,
/// <https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference>).
pub const CONSUMER_TENANT_ID: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";
