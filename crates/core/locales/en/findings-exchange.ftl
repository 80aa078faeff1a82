## Findings: exchange. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

m365-smtp-auth-disabled = Sending is switched off for apps in your organisation
    .explanation = Microsoft 365 accepted the sign-in, but SMTP AUTH ("Authenticated SMTP") is disabled { $problem }. Apps can only send mail after an administrator turns it on, even with the modern sign-in. The saved sign-in is fine; reading mail (IMAP) still works.
    .step-1 = Microsoft 365 admin center → Users → Active users → { $mailbox } → Mail → Manage email apps → tick "Authenticated SMTP" → Save.
    .step-2 = Or in Exchange Online PowerShell: Set-CASMailbox -Identity { $mailbox } -SmtpClientAuthenticationDisabled $false
    .step-3 = If the whole organisation has it switched off, the per-mailbox setting above overrides it; to change it for everyone: Set-TransportConfig -SmtpClientAuthenticationDisabled $false
    .step-4 = Wait up to an hour for the change to apply, then verify the mailbox again.

basic-auth-blocked = This mailbox does not accept passwords here
    .explanation = Microsoft 365 mailboxes sign in with "Sign in with Microsoft", not with a password. Reading mail with a password was switched off earlier, and Microsoft switches off sending with a password (Basic authentication for SMTP) for existing organisations at the end of December 2026. Typing the password again will not help.
    .step-1 = Sign in with Microsoft instead of typing a password: in the app, choose "Sign in with Microsoft" (on the command line: mailsetup signin followed by the address).
    .step-2 = A program that sends with the mailbox password (a script, a scanner, an older mail program) stops working then too. If it can use a sign-in token, give it `mailsetup token` followed by the address instead of the password (the README shows how for msmtp, curl and Python); if it only knows passwords, let it send through the app's local relay (`mailsetup relay add` followed by the address and a name for the program, or Helpdesk → "Programs that only know a password" in the app).
    .admin-explanation = Password (Basic) sign-in for SMTP AUTH is disabled by default for existing Exchange Online tenants at the end of December 2026 (the 27 January 2026 update of the timeline; new tenants never have it); Basic authentication for IMAP and POP is already retired, and an authentication policy or security defaults can block it sooner ("the organization configuration doesn't allow this authentication request"). OAuth SMTP AUTH (XOAUTH2) stays supported.
    .admin-step-1 = Move every program that sends with a mailbox password to OAuth: this app signs people in and hands tokens to programs that take one (`mailsetup token`), and runs a local relay on the computer for programs that only know passwords (`mailsetup relay`: loopback only, a relay password per program, sent on with XOAUTH2).
    .admin-step-2 = List what still sends with passwords before the date: Microsoft Entra admin center → Sign-in logs, filter "Client app" = Authenticated SMTP.

m365-password-refused = Microsoft 365 refused the password
    .explanation = The program signed in with a password (what Microsoft calls Basic authentication) and Microsoft 365 said no. Either the password is wrong, or password sign-in is switched off for this mailbox: Microsoft switches off sending with a password for existing organisations at the end of December 2026.
    .step-1 = Set the mailbox up with "Sign in with Microsoft" in this app (on the command line: mailsetup signin followed by the address).
    .step-2 = If the program can use a sign-in token, give it `mailsetup token` followed by the address instead of the password (the README shows how for msmtp, curl and Python); if it only knows passwords, let it send through the app's local relay (`mailsetup relay add` followed by the address and a name for the program).
    .admin-explanation = Exchange Online answers `535 5.7.3 Authentication unsuccessful` to any failed AUTH LOGIN/PLAIN: a wrong password, or Basic authentication blocked (security defaults, an authentication policy, Conditional Access, or SMTP AUTH Basic disabled by default for existing tenants from the end of December 2026).
    .admin-step-1 = Microsoft Entra admin center → Sign-in logs, filter "Client app" = Authenticated SMTP, find the user: the failure reason says which.
    .admin-step-2 = Move the program to OAuth (`mailsetup token` gives it a token).

high-volume-email-external-recipient = This High Volume Email account cannot send outside your organisation
    .explanation = The message came from a High Volume Email (HVE) account of Exchange Online, and Microsoft refused it because a recipient is outside your organisation. The sign-in itself worked.
    .step-1 = Send from the HVE account only to recipients inside your organisation.
    .step-2 = Send mail for outside recipients from a normal mailbox (signed in with this app) or through a service made for bulk external mail, such as Azure Communication Services Email.

wrong-account-or-no-mailbox-access = Signed in, but this account cannot open { $mailbox }
    .explanation = The server accepted the sign-in of { $signed_in } but could not open the mailbox { $mailbox }. Either the browser signed in a different account, or that account has no access to this mailbox.
    .step-1 = Sign in again and choose { $mailbox } in the browser (use a private window if another account is signed in).
    .step-2 = If { $mailbox } is a shared mailbox, ask the administrator for Full Access (reading) and Send As (sending) permissions for { $signed_in }.
    .admin-explanation = The identity that signed in cannot open the mailbox named in the sign-in.
    .admin-step-1 = For a shared mailbox: Add-MailboxPermission -Identity { $mailbox } -User { $signed_in } -AccessRights FullAccess
    .admin-step-2 = Check that IMAP is enabled for the mailbox: Get-CASMailbox -Identity { $mailbox } | Format-List ImapEnabled

mailbox-access-denied = { $mailbox } signed in, but the server would not open its mailbox
    .explanation = The sign-in is right: it is { $mailbox }. Yet the mail server refused to open the mailbox after accepting the sign-in. Usually IMAP is turned off for this mailbox, or the account has no Exchange Online mailbox (licence) yet.
    .step-1 = Ask the administrator to check that IMAP is on for the mailbox: Get-CASMailbox -Identity { $mailbox } | Format-List ImapEnabled (turn it on with Set-CASMailbox -Identity { $mailbox } -ImapEnabled $true), or in the Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → IMAP.
    .step-2 = Check that the user has a licence that includes Exchange Online and that the mailbox exists (it can take a few hours after licensing).
    .step-3 = Then verify the mailbox again. The saved sign-in is kept.

shared-mailbox-no-full-access = { $signed_in } cannot open the shared mailbox { $mailbox }
    .explanation = The mail server did not let { $signed_in } open { $mailbox }. Reading a shared mailbox needs the Full Access permission.
    .step-1 = Exchange admin center → Recipients → Mailboxes → { $mailbox } → Delegation → Read and manage (Full Access) → add { $signed_in }.
    .step-2 = Or in Exchange Online PowerShell: Add-MailboxPermission -Identity { $mailbox } -User { $signed_in } -AccessRights FullAccess
    .step-3 = Wait up to an hour, then verify the mailbox again.

shared-mailbox-no-send-as = { $signed_in } cannot send as the shared mailbox { $mailbox }
    .explanation = The sending server refused a message from { $mailbox } sent by { $signed_in }. Sending as a shared mailbox needs the Send As permission ({ $problem }).
    .step-1 = Exchange admin center → Recipients → Mailboxes → { $mailbox } → Delegation → Send as → add { $signed_in }.
    .step-2 = Or in Exchange Online PowerShell: Add-RecipientPermission -Identity { $mailbox } -Trustee { $signed_in } -AccessRights SendAs
    .step-3 = Wait up to an hour, then verify the mailbox again.

token-wrong-resource = The sign-in token is for another service
    .explanation = The access token was issued for { $problem }, not for Exchange mail (https://outlook.office.com). Mail servers refuse such tokens.
    .step-1 = Request the scopes https://outlook.office.com/SMTP.Send and https://outlook.office.com/IMAP.AccessAsUser.All (not Microsoft Graph scopes such as User.Read) and sign in again.
    .step-2 = In the app registration, add the delegated permissions under "Office 365 Exchange Online" and grant consent.

exchange-not-licensed = Your organisation has no Exchange Online mailbox service for this account
    .explanation = Microsoft says the service the app needs (Office 365 Exchange Online) is not available in the tenant or not licensed for this user ({ $problem }).
    .step-1 = Microsoft 365 admin center → Users → Active users → the user → Licenses and apps: assign a licence that includes Exchange Online.
    .step-2 = If the tenant has no Exchange Online at all, mail for this domain is hosted elsewhere: ask who runs it.

tenant-sending-blocked = Microsoft 365 has blocked your organisation from sending
    .explanation = Exchange Online refused to send because the whole organisation is blocked ({ $problem }). This usually follows spam from a compromised account, or happens on trial tenants.
    .step-1 = Microsoft 365 Defender portal → Email & collaboration → Review → Restricted entities: check for blocked accounts and secure them.
    .step-2 = Open a support request with Microsoft to lift the tenant block; on a trial tenant, buy licences first.

sender-domain-not-accepted = The sending domain is not part of your organisation
    .explanation = Exchange Online refused the message because it comes from a domain that is not an accepted domain of the tenant (550 5.7.750).
    .step-1 = Exchange admin center → Mail flow → Accepted domains: add and verify the domain, or send from an address in an accepted domain.

mailbox-sending-restricted = This mailbox has been blocked from sending
    .explanation = Microsoft 365 restricted { $mailbox } from sending, usually after it sent spam (550 5.1.8 Bad outbound sender).
    .step-1 = Reset the mailbox password and review its sign-ins and forwarding rules.
    .step-2 = Microsoft 365 Defender portal → Review → Restricted entities → remove { $mailbox }.

send-as-denied = This account may not send from that address
    .explanation = The server refused the message because the sender address is not the signed-in mailbox and the account has no Send As permission for it ({ $problem }).
    .step-1 = Send from the signed-in address, or
    .step-2 = Exchange admin center → Recipients → Mailboxes → the sending address → Delegation → Send as → add the signed-in account (Add-RecipientPermission -Identity <address> -Trustee <account> -AccessRights SendAs).

m365-auth-frontend-error = Exchange Online's front end failed the sign-in to { $server }
    .explanation = The server answered the sign-in with "451 4.7.0 Temporary server error" and the code { $problem }. Despite the word "temporary", this error from Exchange Online's front-end servers usually comes back every time: the front end could not hand the sign-in on to the mailbox (for example an empty or expired token, or a mailbox it cannot find).
    .step-1 = Try once more in a few minutes; if the same code comes back, it is not temporary.
    .step-2 = Check that the mailbox exists in Exchange Online with a licence, and that Authenticated SMTP is on for it (Microsoft 365 admin center → Users → the user → Mail → Manage email apps).
    .step-3 = If it persists, open a Microsoft support case with the evidence below (the code and the server name).

