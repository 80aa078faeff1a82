## Findings: mail. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

starttls-unavailable = { $server } does not offer a secure connection
    .explanation = The sending server did not offer STARTTLS, so the app will not send your sign-in over this connection. Something on the network may be stripping encryption, or this is not the right server.
    .step-1 = Check the server and port in the settings (Microsoft 365: smtp.office365.com port 587).
    .step-2 = Ask the network administrator whether a firewall rewrites mail traffic ("SMTP inspection").

auth-mechanism-unavailable = { $server } does not offer the sign-in method this account needs
    .explanation = The server did not list { $problem } among its sign-in methods after the connection was secured.
    .step-1 = Check that the server in the settings is the right one for this provider.
    .step-2 = For Microsoft 365, make sure SMTP AUTH is enabled for the mailbox (see the next steps if sending fails).

access-token-refused = { $server } did not accept the sign-in token
    .explanation = The mail server said the access token for { $mailbox } has expired or is not valid (XOAUTH2 status 401). A saved token refused like this is renewed and tried once more; when a token this new is refused too, it was usually made without the mail permission or for another service.
    .step-1 = Sign in again as { $mailbox }: Sign in in the app, or `mailsetup signin { $mailbox }`.
    .step-2 = If it happens again, ask the administrator to check that the app registration has the mail permissions (Microsoft: SMTP.Send and IMAP.AccessAsUser.All; Google: https://mail.google.com/).

xoauth2-bad-request = { $server } could not use the sign-in request
    .explanation = The mail server answered the sign-in for { $mailbox } with status 400 (bad request): the user name sent with the token does not belong to the token's account, or the token was made for another service. Renewing the token would not help.
    .step-1 = Sign in again as { $mailbox }, choosing exactly that account in the browser.
    .step-2 = If { $mailbox } is a shared mailbox, set it up with the shared mailbox option, so that you sign in with your own account.

auth-rejected = { $server } refused the sign-in
    .explanation = The mail server did not accept the sign-in for { $mailbox }. Common causes: the sign-in belongs to another account, the token has expired or was made for the wrong service, or sending/reading by apps is disabled for this mailbox.
    .step-1 = Sign in again in this app, and make sure you choose { $mailbox } in the browser.
    .step-2 = Ask the administrator to check that SMTP AUTH and IMAP are enabled for { $mailbox } (Get-CASMailbox -Identity { $mailbox } | Format-List SmtpClientAuthenticationDisabled,ImapEnabled).

password-rejected = { $server } did not accept the password for { $mailbox }
    .explanation = The mail server refused the password, so nothing was saved. Either it was mistyped, or the provider wants a different kind of password for mail programs.
    .step-1 = Type the password again (check Caps Lock and the keyboard layout).
    .step-2 = Some providers need a separate password for mail programs (an "app password") when two-step sign-in is on: look in your mail account's security settings.
    .step-3 = If it keeps failing, ask your mail provider or IT team whether IMAP and SMTP access are allowed for your mailbox.

test-message-not-found = The test message did not arrive
    .explanation = The test message was accepted for sending, but it did not show up in the inbox of { $mailbox } within { $duration }.
    .step-1 = Wait a minute and look in the inbox and the junk folder for "Mail Setup Assistant test message".
    .step-2 = If it never arrives, a mail flow rule or filter may be holding it; the administrator can trace it in the Exchange admin center → Mail flow → Message trace.

message-rejected = The server would not accept the test message
    .explanation = Signing in worked, but the server refused the message ({ $problem }).
    .step-1 = Give the evidence to the administrator: it says why the server refused.

unrecognised-reply = The app does not recognise this answer
    .explanation = The app has no explanation for this text (a server reply or an error message) yet. The text is kept below, with personal and secret parts removed.
    .step-1 = Send the text below to your helpdesk; the helpdesk passes it on to the app's maintainers, so that the app learns to explain it.

pasted-text-too-long = The pasted text is too long
    .explanation = The text is { $problem }: the app reads at most 1 MB of pasted text. An error message or a server's reply is a few lines; a whole log is too much to explain.
    .step-1 = Copy only the lines with the error (for example the line starting with a number such as 535, or the AADSTS message) and paste them again.

xoauth2-bad-username = { $server } refused the sign-in name sent with the token
    .explanation = The mail server says the user name inside the XOAUTH2 sign-in is not a valid mail address ({ $problem }). This is not a password or permission problem: the app must send the mailbox's plain address (no display name, no spaces).
    .step-1 = Check that the mailbox address saved for this account is a plain address (Helpdesk → the account), then sign in again.
    .step-2 = If it is, save the report and send it with the app's version to the Mail Setup Assistant maintainers.

server-temporary-failure = The mail server had a temporary problem
    .explanation = The server answered with a temporary error ({ $problem }). Nothing is wrong with the account.
    .step-1 = Try again in a few minutes.
    .step-2 = If it lasts more than an hour, check the provider's service status page.

too-many-requests = Too many attempts in a short time
    .explanation = The server is slowing down requests from this computer or account ({ $problem }). This is temporary.
    .step-1 = Wait 15 minutes, then try once.
    .step-2 = Make sure no other program keeps trying to sign in to this mailbox with an old password.

not-authenticated-before-send = The program tried to send without signing in first
    .explanation = The server refused to accept mail because no sign-in had succeeded on the connection (530 5.7.57). The sign-in was skipped or failed without the program noticing.
    .step-1 = Check the program's sending settings: it must sign in (SMTP AUTH) on port 587 after STARTTLS before sending.

