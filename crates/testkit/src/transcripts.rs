//! Real Exchange Online and Gmail sessions in the `S:` / `C:` script notation, for
//! [`crate::Script::new`].
//!
//! The server lines are the providers' own (host names and session ids from the public bug
//! reports each constant names;
//! the client address is `203.0.113.9`, a documentation address). Client lines show what a
//! client sends, with `<…>` placeholders for credentials; only their verbs are matched.
//!
//! All SMTP sessions start in plain text and upgrade with `STARTTLS` (port 587); all IMAP
//! sessions are implicit TLS (port 993). They walk through with lettre 0.11
//! (`connect_with_transport` → EHLO, `starttls` → STARTTLS + EHLO, `AUTH …`, `send`) and
//! async-imap 0.12 (`AUTHENTICATE XOAUTH2` without SASL-IR: `+ ` first, then the token line).
//! Trailing `QUIT` / `CAPABILITY` / `LOGOUT` lines are optional (see
//! [`crate::ScriptedServer`]).

/// Exchange Online SMTP up to the EHLO after STARTTLS, for server `$host`.
macro_rules! exchange_smtp_prelude {
    ($host:literal) => {
        concat!(
            "S: 220 ", $host, ".outlook.office365.com Microsoft ESMTP MAIL Service ready at Tue, 12 Sep 2023 20:59:56 +0000\n",
            "C: EHLO client.example\n",
            "S: 250-", $host, ".outlook.office365.com Hello [203.0.113.9]\n",
            "S: 250-SIZE 157286400\n",
            "S: 250-PIPELINING\n",
            "S: 250-DSN\n",
            "S: 250-ENHANCEDSTATUSCODES\n",
            "S: 250-STARTTLS\n",
            "S: 250-8BITMIME\n",
            "S: 250-BINARYMIME\n",
            "S: 250-CHUNKING\n",
            "S: 250 SMTPUTF8\n",
            "C: STARTTLS\n",
            "S: 220 2.0.0 SMTP server ready\n",
            "!starttls\n",
            "C: EHLO client.example\n",
            "S: 250-", $host, ".outlook.office365.com Hello [203.0.113.9]\n",
            "S: 250-SIZE 157286400\n",
            "S: 250-PIPELINING\n",
            "S: 250-DSN\n",
            "S: 250-ENHANCEDSTATUSCODES\n",
            "S: 250-AUTH LOGIN XOAUTH2\n",
            "S: 250-8BITMIME\n",
            "S: 250-BINARYMIME\n",
            "S: 250-CHUNKING\n",
            "S: 250 SMTPUTF8\n",
        )
    };
}

/// Exchange Online's polite end of an SMTP session.
macro_rules! exchange_smtp_quit {
    () => {
        "C: QUIT\nS: 221 2.0.0 Service closing transmission channel\n"
    };
}

/// Gmail SMTP up to the EHLO after STARTTLS, with session id `$id`.
macro_rules! gmail_smtp_prelude {
    ($id:literal) => {
        concat!(
            "S: 220 smtp.gmail.com ESMTP ",
            $id,
            " - gsmtp\n",
            "C: EHLO client.example\n",
            "S: 250-smtp.gmail.com at your service, [203.0.113.9]\n",
            "S: 250-SIZE 35882577\n",
            "S: 250-8BITMIME\n",
            "S: 250-STARTTLS\n",
            "S: 250-ENHANCEDSTATUSCODES\n",
            "S: 250-PIPELINING\n",
            "S: 250-CHUNKING\n",
            "S: 250 SMTPUTF8\n",
            "C: STARTTLS\n",
            "S: 220 2.0.0 Ready to start TLS\n",
            "!starttls\n",
            "C: EHLO client.example\n",
            "S: 250-smtp.gmail.com at your service, [203.0.113.9]\n",
            "S: 250-SIZE 35882577\n",
            "S: 250-8BITMIME\n",
            "S: 250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH\n",
            "S: 250-ENHANCEDSTATUSCODES\n",
            "S: 250-PIPELINING\n",
            "S: 250-CHUNKING\n",
            "S: 250 SMTPUTF8\n",
        )
    };
}

/// Gmail's polite end of an SMTP session with session id `$id`.
macro_rules! gmail_smtp_quit {
    ($id:literal) => {
        concat!(
            "C: QUIT\nS: 221 2.0.0 closing connection ",
            $id,
            " - gsmtp\n"
        )
    };
}

/// Gmail's `535-5.7.8` bad-credentials reply, session id `$id` (reported in
/// <https://github.com/getgrav/grav-plugin-email/issues/185>).
macro_rules! gmail_535 {
    ($id:literal) => {
        concat!(
            "S: 535-5.7.8 Username and Password not accepted. For more information, go to\n",
            "S: 535 5.7.8  https://support.google.com/mail/?p=BadCredentials ",
            $id,
            " - gsmtp\n",
        )
    };
}

/// Exchange Online IMAP `CAPABILITY` exchange.
macro_rules! exchange_imap_capability {
    () => {
        concat!(
            "C: A0 CAPABILITY\n",
            "S: * CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+\n",
            "S: A0 OK CAPABILITY completed.\n",
        )
    };
}

/// Exchange Online IMAP greeting and CAPABILITY (optional for the client), as in
/// <https://github.com/simonrob/email-oauth2-proxy/issues/275>.
macro_rules! exchange_imap_prelude {
    () => {
        concat!(
            "S: * OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAANQBDAEEAMAAwADAANAAuAG4AYQBtAHAAcgBkADAANQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]\n",
            exchange_imap_capability!(),
        )
    };
}

/// Exchange Online IMAP `AUTHENTICATE XOAUTH2` accepted (async-imap style: `+ `, token line).
macro_rules! exchange_imap_xoauth2_ok {
    () => {
        concat!(
            "C: A1 AUTHENTICATE XOAUTH2\n",
            "S: +\n",
            "C: *\n",
            "S: A1 OK AUTHENTICATE completed.\n",
        )
    };
}

/// Gmail IMAP greeting and CAPABILITY (optional for the client).
macro_rules! gmail_imap_prelude {
    () => {
        concat!(
            "S: * OK Gimap ready for requests from 203.0.113.9 a1mb123\n",
            "C: a0 CAPABILITY\n",
            "S: * CAPABILITY IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 XYZZY SASL-IR AUTH=XOAUTH2 AUTH=PLAIN AUTH=PLAIN-CLIENTTOKEN AUTH=OAUTHBEARER AUTH=XOAUTH\n",
            "S: a0 OK Thats all she wrote! a1mb123\n",
        )
    };
}

/// Gmail's end of an IMAP session (`LOGOUT`, optional for the client).
macro_rules! gmail_imap_logout {
    () => {
        "C: a9 LOGOUT\nS: * BYE LOGOUT Requested\nS: a9 OK 73 good day (Success)\n"
    };
}

/// Exchange Online refuses SMTP AUTH because authenticated SMTP
/// (`SmtpClientAuthentication`) is disabled for the whole tenant. Any AUTH mechanism gets
/// `535 5.7.139 … disabled for the Tenant …`; the session then ends with `QUIT`.
/// Reported in <https://github.com/simonrob/email-oauth2-proxy/issues/193>.
pub const EXCHANGE_SMTP_AUTH_DISABLED_TENANT: &str = concat!(
    "# Exchange Online, SMTP AUTH disabled for the tenant (simonrob/email-oauth2-proxy#193).\n",
    exchange_smtp_prelude!("MN2PR05CA0004"),
    "C: AUTH XOAUTH2 <initial-response>\n",
    "S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]\n",
    exchange_smtp_quit!(),
);

/// The mailbox variant of [`EXCHANGE_SMTP_AUTH_DISABLED_TENANT`]: the same Exchange Online
/// session, but authenticated SMTP
/// is disabled for the mailbox (`535 5.7.139 … disabled for the Mailbox …`).
pub const EXCHANGE_SMTP_AUTH_DISABLED_MAILBOX: &str = concat!(
    "# Exchange Online, SMTP AUTH disabled for the mailbox.\n",
    exchange_smtp_prelude!("MN2PR05CA0004"),
    "C: AUTH XOAUTH2 <initial-response>\n",
    "S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]\n",
    exchange_smtp_quit!(),
);

/// SMTP: Exchange Online with basic authentication (passwords) turned off;
/// AUTH gets `535 5.7.139 Authentication unsuccessful, basic authentication is disabled.`.
/// Reported in <https://github.com/nodemailer/nodemailer/issues/1714>.
pub const EXCHANGE_SMTP_BASIC_AUTH_DISABLED: &str = concat!(
    "# SMTP: Exchange Online, basic authentication disabled (nodemailer/nodemailer#1714).\n",
    exchange_smtp_prelude!("PN0PR01CA0024"),
    "C: AUTH <mechanism> <credentials>\n",
    "S: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]\n",
    exchange_smtp_quit!(),
);

/// IMAP: Exchange Online with basic authentication turned off; `LOGIN` or
/// `AUTHENTICATE` gets `NO Basic authentication is disabled.` and the server signs off.
/// Reported in <https://github.com/holon-run/uxc/issues/445>.
pub const EXCHANGE_IMAP_BASIC_AUTH_DISABLED: &str = concat!(
    "# IMAP: Exchange Online, basic authentication disabled (holon-run/uxc#445).\n",
    "S: * OK Microsoft Exchange IMAP4 service ready.\n",
    exchange_imap_capability!(),
    "C: a1 LOGIN|AUTHENTICATE <credentials>\n",
    "S: a1 NO Basic authentication is disabled.\n",
    "S: * BYE Microsoft Exchange Server IMAP4 server signing off.\n",
    "!close\n",
);

/// Exchange Online accepts the XOAUTH2 token (`A1 OK AUTHENTICATE
/// completed.`) but refuses the first real command with `A2 BAD User is authenticated but not
/// connected.` and `* BYE Connection closed. 14` (token for the wrong mailbox / no access).
/// Reported in <https://github.com/simonrob/email-oauth2-proxy/issues/275>.
pub const EXCHANGE_IMAP_AUTHENTICATED_NOT_CONNECTED: &str = concat!(
    "# Exchange Online, authenticated but not connected (simonrob/email-oauth2-proxy#275).\n",
    exchange_imap_prelude!(),
    exchange_imap_xoauth2_ok!(),
    "C: A2 SELECT INBOX\n",
    "S: A2 BAD User is authenticated but not connected.\n",
    "S: * BYE Connection closed. 14\n",
    "!close\n",
);

/// SMTP: Gmail account with 2-Step Verification, normal password given; the
/// AUTH (with an initial response: `PLAIN`, `XOAUTH2`; `AUTH LOGIN` gets its two prompts made
/// up) gets the multi-line `534-5.7.9 Application-specific password required.`.
/// Reported in <https://github.com/nodemailer/nodemailer/issues/1116>.
pub const GMAIL_SMTP_APP_PASSWORD_REQUIRED: &str = concat!(
    "# SMTP: Gmail, application-specific password required (nodemailer/nodemailer#1116).\n",
    gmail_smtp_prelude!("o13sm2119833lfg.90"),
    "C: AUTH PLAIN <initial-response>\n",
    "S: 534-5.7.9 Application-specific password required. Learn more at\n",
    "S: 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp\n",
    gmail_smtp_quit!("o13sm2119833lfg.90"),
);

/// The SMTP `AUTH PLAIN <initial-response>` variant: the same as
/// [`GMAIL_SMTP_APP_PASSWORD_REQUIRED`].
pub const GMAIL_SMTP_APP_PASSWORD_REQUIRED_PLAIN: &str = GMAIL_SMTP_APP_PASSWORD_REQUIRED;

/// The SMTP `AUTH LOGIN` variant with Gmail's own prompts written out:
/// `334 VXNlcm5hbWU6` (user), `334 UGFzc3dvcmQ6` (password), then the `534-5.7.9` reply.
pub const GMAIL_SMTP_APP_PASSWORD_REQUIRED_LOGIN: &str = concat!(
    "# SMTP, AUTH LOGIN: Gmail, application-specific password required.\n",
    gmail_smtp_prelude!("o13sm2119833lfg.90"),
    "C: AUTH LOGIN\n",
    "S: 334 VXNlcm5hbWU6\n",
    "C: *\n",
    "S: 334 UGFzc3dvcmQ6\n",
    "C: *\n",
    "S: 534-5.7.9 Application-specific password required. Learn more at\n",
    "S: 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp\n",
    gmail_smtp_quit!("o13sm2119833lfg.90"),
);

/// IMAP: Gmail with 2-Step Verification; `LOGIN` or `AUTHENTICATE PLAIN`
/// gets `NO [ALERT] Application-specific password required: … (Failure)`.
/// Reported in <https://github.com/LukeSmithxyz/mutt-wizard/issues/831>.
pub const GMAIL_IMAP_APP_PASSWORD_REQUIRED: &str = concat!(
    "# IMAP: Gmail, application-specific password required (LukeSmithxyz/mutt-wizard#831).\n",
    gmail_imap_prelude!(),
    "C: a1 LOGIN|AUTHENTICATE <credentials>\n",
    "S: a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)\n",
    gmail_imap_logout!(),
);

/// Gmail refuses the credentials with the multi-line
/// `535-5.7.8 Username and Password not accepted.` (`p=BadCredentials`).
/// Reported in <https://github.com/getgrav/grav-plugin-email/issues/185>.
pub const GMAIL_SMTP_BAD_CREDENTIALS: &str = concat!(
    "# Gmail, username and password not accepted (getgrav/grav-plugin-email#185).\n",
    gmail_smtp_prelude!("a640c23a62f3a-abc"),
    "C: AUTH PLAIN <initial-response>\n",
    gmail_535!("a640c23a62f3a-abc"),
    gmail_smtp_quit!("a640c23a62f3a-abc"),
);

/// SMTP: a refused token gets the error
/// challenge `334 <base64 {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}>`;
/// the client answers with an empty line and gets the `535-5.7.8` reply.
/// As Google's XOAUTH2 protocol page describes it:
/// <https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>.
pub const GMAIL_SMTP_XOAUTH2_CHALLENGE: &str = concat!(
    "# SMTP: error challenge, empty answer, 535 (Google's XOAUTH2 protocol page).\n",
    gmail_smtp_prelude!("a640c23a62f3a-abc"),
    "C: AUTH XOAUTH2 <initial-response>\n",
    "S: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\n",
    "C: *\n",
    gmail_535!("a640c23a62f3a-abc"),
    gmail_smtp_quit!("a640c23a62f3a-abc"),
);

/// IMAP: after the token, the error challenge
/// `+ <base64 JSON>`; the client answers with an empty line and gets
/// `NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)`. Works with and without SASL-IR.
/// As Google's XOAUTH2 protocol page describes it:
/// <https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>.
pub const GMAIL_IMAP_XOAUTH2_CHALLENGE: &str = concat!(
    "# IMAP: error challenge, empty answer, NO (Google's XOAUTH2 protocol page).\n",
    gmail_imap_prelude!(),
    "C: A1 AUTHENTICATE XOAUTH2\n",
    "S: +\n",
    "C: *\n",
    "S: + eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\n",
    "C: *\n",
    "S: A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\n",
    gmail_imap_logout!(),
);

/// Gmail asks for a sign-in in the browser first: `LOGIN` gets the untagged
/// `* NO [WEBALERT <url>] Web login required.` and `NO [ALERT] Please log in via your web
/// browser: … (Failure)`.
pub const GMAIL_IMAP_WEBALERT: &str = concat!(
    "# Gmail: web login required (WEBALERT).\n",
    gmail_imap_prelude!(),
    "C: a1 LOGIN|AUTHENTICATE <credentials>\n",
    "S: * NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbsExample] Web login required.\n",
    "S: a1 NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)\n",
    gmail_imap_logout!(),
);

/// Exchange Online accepts the login but the mailbox may not send as the `MAIL FROM` address:
/// the end of `DATA` gets `554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException…`.
pub const EXCHANGE_SMTP_SEND_AS_DENIED: &str = concat!(
    "# Exchange Online: authenticated, but Send As denied at the end of DATA.\n",
    exchange_smtp_prelude!("AB1PR01CA0001"),
    "C: AUTH XOAUTH2 <initial-response>\n",
    "S: 235 2.7.0 Authentication successful\n",
    "C: MAIL FROM:<shared@example.com>\n",
    "S: 250 2.1.0 Sender OK\n",
    "C: RCPT TO:<user@example.com>\n",
    "S: 250 2.1.5 Recipient OK\n",
    "C: DATA\n",
    "S: 354 Start mail input; end with <CRLF>.<CRLF>\n",
    "C: .\n",
    "S: 554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. 0.35250:0A000000, 1.36674:0A000000 [Hostname=AB1PR01MB0001.eurprd01.prod.exchangelabs.com]\n",
    exchange_smtp_quit!(),
);

/// Exchange Online, everything works: AUTH `235`, `MAIL`/`RCPT` `250`, the message queued with
/// `250 2.0.0 OK <id> [Hostname=…]`.
pub const EXCHANGE_SMTP_OK: &str = concat!(
    "# Exchange Online: a submission that passes.\n",
    exchange_smtp_prelude!("AB1PR01CA0001"),
    "C: AUTH XOAUTH2 <initial-response>\n",
    "S: 235 2.7.0 Authentication successful\n",
    "C: MAIL FROM:<user@example.com>\n",
    "S: 250 2.1.0 Sender OK\n",
    "C: RCPT TO:<user@example.com>\n",
    "S: 250 2.1.5 Recipient OK\n",
    "C: DATA\n",
    "S: 354 Start mail input; end with <CRLF>.<CRLF>\n",
    "C: .\n",
    "S: 250 2.0.0 OK <AB1PR01MB0001F00DCAFE0123@AB1PR01MB0001.eurprd01.prod.exchangelabs.com> [Hostname=AB1PR01MB0001.eurprd01.prod.exchangelabs.com]\n",
    exchange_smtp_quit!(),
);

/// Exchange Online IMAP, everything works: `AUTHENTICATE XOAUTH2` OK, `SELECT INBOX` with
/// `* 3 EXISTS` and `OK [READ-WRITE] SELECT completed.`, then `LOGOUT`.
pub const EXCHANGE_IMAP_OK: &str = concat!(
    "# Exchange Online: IMAP session that passes.\n",
    exchange_imap_prelude!(),
    exchange_imap_xoauth2_ok!(),
    "C: A2 SELECT INBOX\n",
    "S: * 3 EXISTS\n",
    "S: * 0 RECENT\n",
    "S: * FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $MDNSent)\n",
    "S: * OK [PERMANENTFLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $MDNSent)] Permanent flags\n",
    "S: * OK [UNSEEN 1] Is the first unseen message\n",
    "S: * OK [UIDVALIDITY 14] UIDVALIDITY value\n",
    "S: * OK [UIDNEXT 4] The next unique identifier value\n",
    "S: A2 OK [READ-WRITE] SELECT completed.\n",
    "C: A3 LOGOUT\n",
    "S: * BYE Microsoft Exchange Server IMAP4 server signing off.\n",
    "S: A3 OK LOGOUT completed.\n",
);

/// Every transcript constant with its name, e.g. to check that all parse.
pub const ALL: &[(&str, &str)] = &[
    (
        "EXCHANGE_SMTP_AUTH_DISABLED_TENANT",
        EXCHANGE_SMTP_AUTH_DISABLED_TENANT,
    ),
    (
        "EXCHANGE_SMTP_AUTH_DISABLED_MAILBOX",
        EXCHANGE_SMTP_AUTH_DISABLED_MAILBOX,
    ),
    (
        "EXCHANGE_SMTP_BASIC_AUTH_DISABLED",
        EXCHANGE_SMTP_BASIC_AUTH_DISABLED,
    ),
    (
        "EXCHANGE_IMAP_BASIC_AUTH_DISABLED",
        EXCHANGE_IMAP_BASIC_AUTH_DISABLED,
    ),
    (
        "EXCHANGE_IMAP_AUTHENTICATED_NOT_CONNECTED",
        EXCHANGE_IMAP_AUTHENTICATED_NOT_CONNECTED,
    ),
    (
        "GMAIL_SMTP_APP_PASSWORD_REQUIRED",
        GMAIL_SMTP_APP_PASSWORD_REQUIRED,
    ),
    (
        "GMAIL_SMTP_APP_PASSWORD_REQUIRED_LOGIN",
        GMAIL_SMTP_APP_PASSWORD_REQUIRED_LOGIN,
    ),
    (
        "GMAIL_IMAP_APP_PASSWORD_REQUIRED",
        GMAIL_IMAP_APP_PASSWORD_REQUIRED,
    ),
    ("GMAIL_SMTP_BAD_CREDENTIALS", GMAIL_SMTP_BAD_CREDENTIALS),
    ("GMAIL_SMTP_XOAUTH2_CHALLENGE", GMAIL_SMTP_XOAUTH2_CHALLENGE),
    ("GMAIL_IMAP_XOAUTH2_CHALLENGE", GMAIL_IMAP_XOAUTH2_CHALLENGE),
    ("GMAIL_IMAP_WEBALERT", GMAIL_IMAP_WEBALERT),
    ("EXCHANGE_SMTP_SEND_AS_DENIED", EXCHANGE_SMTP_SEND_AS_DENIED),
    ("EXCHANGE_SMTP_OK", EXCHANGE_SMTP_OK),
    ("EXCHANGE_IMAP_OK", EXCHANGE_IMAP_OK),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Script;

    #[test]
    fn all_transcripts_parse() {
        for (name, text) in ALL {
            let script = Script::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(script.steps().len() > 3, "{name}");
        }
    }
}
