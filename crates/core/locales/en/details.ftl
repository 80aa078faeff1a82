## Words the core puts into findings and notes at run time: what went wrong this time (a
## finding's { $problem }, { $platform }, …) and what an information-only step found. Ids start
## with detail-. Server replies, codes, host names and technical step details are not here: they
## are shown as they are.

## Mail server replies (findings/classify/reply.rs): the { $problem } of the finding a reply gives.

detail-reply-xoauth2-user = the user address in the XOAUTH2 data
detail-reply-smtp-auth-off-tenant = for your whole organisation (tenant)
detail-reply-smtp-auth-off-mailbox = for this mailbox
detail-reply-smtp-auth-off-either = for this mailbox or organisation
detail-reply-security-defaults = security defaults block sending with a password
detail-reply-sign-in-criteria = the request did not meet the organisation's sign-in criteria
detail-reply-account-locked = the account is locked
detail-reply-tls-too-old = the server requires TLS 1.2 or newer
detail-reply-sign-in-method = the sign-in method
detail-reply-google-too-many-attempts = Google counted too many sign-in attempts
detail-reply-no-send-as = 5.7.60: the account has no Send As permission
detail-reply-send-as-denied = SendAsDenied at submission
detail-reply-sender-not-owned = the sender address is not owned by the signed-in account
detail-reply-tenant-threshold = the tenant exceeded the sending threshold (5.7.705)
detail-reply-tenant-ip-refused = traffic is not accepted from this IP (5.7.708), typical of trial tenants
detail-reply-throttled = the server is throttling this connection (4.7.5xx)
detail-reply-thread-limit = more than 3 connections at once for this mailbox
detail-reply-temporary-451 = 451 4.7.0
detail-reply-closing = 421: the server is closing the connection

## Microsoft's sign-in errors (findings/classify/entra.rs and entra/known.rs).

detail-entra-secret-not-registrations = the secret is not the registration's (AADSTS7000215/70002)
detail-entra-secret-expired = AADSTS7000222: the secret expired
detail-entra-spa-token-limit = a single-page app's refresh token reached its 24-hour limit (AADSTS700084)
detail-entra-scopes = the request named more than one service, an unknown permission or none
detail-entra-old-tls = TLS 1.0/1.1 is no longer accepted by Microsoft (AADSTS1002016)
detail-entra-cross-cloud = a sign-in was sent across clouds (AADSTS900382: Confidential Client is not supported in Cross Cloud request)
detail-entra-other-cloud = Microsoft says the organisation belongs to another national cloud
detail-entra-conditional-access = blocked by Conditional Access (AADSTS53003)
detail-entra-security-defaults = blocked by security defaults (AADSTS530035)
# $code (String) - the AADSTS code, e.g. AADSTS50173.
detail-entra-microsoft-code = Microsoft code { $code }
detail-entra-no-longer-accepted = Microsoft no longer accepts it
detail-entra-no-code = an error without a code

## Google's sign-in errors (findings/classify/google.rs).

detail-google-session-length = your organisation's Google session length ran out (invalid_rapt)
detail-google-no-longer-accepted = Google no longer accepts it: access was removed, it was not used for six months, the password changed, or the app's Google project is in "Testing", where sign-ins last 7 days
detail-google-code-refused = Google refused the sign-in code or its check (invalid_grant); sign in again

## A pasted text (findings/classify/explain.rs): what a finding needs but the text does not say.

detail-explain-another-address = another address
detail-explain-named-limit = the limit the message names
detail-explain-named-problem = what the message names
detail-explain-the-server = The server
# $bytes (String) - the size in bytes, digits grouped, e.g. 2,411,724; $mb (String) - in MB, e.g. 2.3
detail-explain-text-size = { $bytes } bytes long ({ $mb } MB)
detail-explain-text-size-at-least = at least { $bytes } bytes long ({ $mb } MB)

## Secure connections (net/tls.rs, net/trust.rs, mail/probe.rs).

detail-tls-invalid-name = the server name is not valid
detail-tls-certificate-unknown-issuer = it was issued by an authority this computer does not trust
detail-tls-certificate-expired = it has expired
detail-tls-certificate-not-yet-valid = it is not valid yet (check the computer's clock)
detail-tls-certificate-other-name = it was issued for another server name
detail-tls-certificate-revoked = it has been revoked
detail-tls-certificate-invalid = it is not valid
detail-tls-no-roots = this computer has no trusted root certificates at all, so no server's certificate can be checked
detail-tls-no-roots-step = Install the operating system's root certificates (on Linux, the ca-certificates package), or name the organisation's certificate authority as extra_ca_file in the [tls] section of the settings.
detail-tls-data-before-handshake = the server sent data before the secure connection started; something on the network may be tampering with it

## Mail servers (mail/).

detail-mail-imap-needs-tls = IMAP without implicit TLS is not used
detail-mail-imap-password-sign-in = password sign-in (LOGIN or AUTHENTICATE PLAIN)
# $first, $second (String) - sign-in mechanisms, e.g. PLAIN and LOGIN.
detail-mail-either = { $first } or { $second }

## The password vault (vault/).

detail-vault-test-entry = a test entry could not be read back
detail-vault-too-large = the vault refused a value as too large
detail-vault-locked = the vault is locked
detail-vault-no-default-keyring = there is no default keyring
detail-vault-denied = access to the vault was refused
detail-vault-missing = no vault service is running or it did not answer
detail-vault-failed = the vault reported an error

## The proxy (net/proxy/): what the sign-in goes through, for the Proxy step and the report.

# $variables (String) - the proxy variables as set, e.g. HTTPS_PROXY=http://proxy:3128
detail-proxy-environment = sign-in through the proxy the environment names: { $variables }
# $proxy (String) - the system's proxy, e.g. http://proxy.contoso.com:8080
detail-proxy-environment-over-system = sign-in through the proxy the environment names: { $variables } (the variables come first: the system proxy { $proxy } is not used)
# $source (String) - where the setting was read (detail-proxy-source-…)
detail-proxy-system = sign-in through the system proxy { $proxy } ({ $source })
# $exceptions (String) - the addresses that bypass the proxy, e.g. <local> *.contoso.com
detail-proxy-system-with-exceptions = sign-in through the system proxy { $proxy } ({ $source }; not for { $exceptions })
detail-proxy-source-windows = Windows proxy settings
detail-proxy-source-macos = macOS network proxy settings
detail-proxy-no-manual-proxy = no manual proxy set: sign-in goes directly to the internet
detail-proxy-no-proxy = no proxy set: sign-in goes directly to the internet
detail-proxy-unused-variables = set but not used for the sign-in (https): { $variables }
# $pac (String) - the address of the proxy auto-config script
detail-proxy-pac-direct = a proxy auto-config script is set ({ $pac }): the app does not run PAC scripts and connects directly; if the sign-in service cannot be reached, set HTTPS_PROXY to the proxy the script names
detail-proxy-pac-through-proxy = a proxy auto-config script is set ({ $pac }): the app does not run PAC scripts and uses the proxy above; if the sign-in service cannot be reached, set HTTPS_PROXY to the proxy the script names
detail-proxy-wpad-direct = automatic proxy discovery (WPAD) is on: the app does not use it and connects directly
detail-proxy-wpad-through-proxy = automatic proxy discovery (WPAD) is on: the app does not use it and uses the proxy above
# $socks (String) - the SOCKS proxy's address
detail-proxy-socks = a SOCKS proxy is set ({ $socks }): the app does not use it
detail-proxy-mail-direct = mail never uses a web proxy
detail-proxy-mail-ports = mail (SMTP/IMAP) never uses a web proxy, so its ports must be open directly

## The App Password as typed (mail/password.rs): a note of the password step.

detail-password-spaces-removed = the spaces Google shows in an App Password were removed
detail-password-empty = no password was entered
# $count (Number) - how many characters were typed
detail-password-not-app-password-spaces = it is not a Google App Password (16 letters) and contains spaces; it was used exactly as typed ({ $count ->
        [one] { $count } character
       *[other] { $count } characters
    })
detail-password-not-app-password = it is not a Google App Password (16 letters); it was used as typed ({ $count ->
        [one] { $count } character
       *[other] { $count } characters
    }). If it is your normal Google password, Google will refuse it

## The web browser (assistant/signin/browser.rs): the note of the step that opens it.

detail-browser-private-window = handed to a private window
detail-browser-opened = handed to the web browser
# $reason (String) - why, in the system's words
detail-browser-not-opened = not opened ({ $reason }): the link is shown to open by hand

## The network check (assistant/check.rs): ports the app does not use, the sign-in service.

# $port (String) - a port number; $host (String) - a server name; $duration (String) - a time in words, e.g. 5 seconds
detail-port-open = port { $port } on { $host } answers
detail-port-closed = port { $port } on { $host } is closed
detail-port-no-answer = port { $port } on { $host } gave no answer within { $duration } (blocked on the way)
detail-port-host-not-found = { $host } could not be found
detail-port-unreachable = port { $port } on { $host } could not be reached
detail-port-25-not-used = the app sends on the submission port, never on 25; many networks block 25 on purpose
detail-port-not-used = the app does not use it for this provider
detail-check-sign-in-service = the sign-in service
# $status (String) - the HTTP status, e.g. 503 Service Unavailable
detail-check-http-status = { $host } answered HTTP { $status }

## The tokens of a sign-in (oauth/claims.rs, assistant/signin/grant.rs, assistant/admin.rs).

detail-token-nonce-mismatch = its nonce does not match this sign-in
detail-token-other-audience = it was issued for another app (audience)
detail-admin-no-id-token = no ID token (who signed in)
detail-admin-no-tenant = it names no organisation (tid)
detail-grant-no-refresh-token-microsoft = Microsoft did not issue a refresh token (the offline_access permission is missing)
detail-grant-no-refresh-token-google = Google did not issue a refresh token (offline access was not granted)
detail-grant-no-id-token = there was no ID token (is the openid permission granted?)
# $count (Number) - how many permissions; $permissions (String) - their names (detail-grant-both)
detail-grant-permission-missing = { $count ->
       *[other] the permission { $permissions } was not granted
    }
# $first, $second (String) - permission names, e.g. SMTP.Send and IMAP.AccessAsUser.All
detail-grant-both = { $first } and { $second }

## The admin check of the app registration (registration/verdict.rs).

detail-registration-platform-public = Mobile and desktop applications
detail-registration-platform-web = Web
detail-registration-platform-spa = Single-page application
detail-registration-no-platform = it has no platform at all
# $count (Number) - how many platforms; $platforms (String) - their names (detail-registration-both)
detail-registration-only-platform = { $count ->
       *[other] it has only the { $platforms } platform
    }
# $first, $second (String) - names in a list
detail-registration-both = { $first } and { $second }
detail-registration-no-secret = it has no client secret
# $date (String) - a date, e.g. 2026-03-01
detail-registration-secret-expired = its last client secret expired on { $date }
# $platforms (String) - platforms with the address, e.g. Web (http://localhost)
detail-registration-redirect-also = it is also registered under { $platforms }
detail-registration-redirect-instead = it is instead registered under { $platforms }

## The sign-in service over HTTPS (oauth/client.rs).

# $host (String) - the sign-in service's server name, e.g. login.microsoftonline.com
detail-oauth-no-answer-in-time = { $host } did not answer in time
detail-oauth-could-not-connect = could not connect to { $host }
detail-oauth-request-failed = the request to { $host } failed
detail-oauth-unreadable-from = { $host } sent an answer the app could not read
detail-oauth-unreadable = the sign-in service sent an answer the app could not read

## The local relay (relay/, assistant/relay.rs).

# $address (String) - the listening address as given, e.g. 0.0.0.0:1587
detail-relay-reachable-from-others = { $address } is reachable from other computers
# $text (String) - what was given as an address
detail-relay-not-an-address = { $text } is not an address

## The mailbox's provider (profile.rs).

# $domain (String) - the mailbox's domain; $found, $configured (String) - Microsoft clouds, e.g. Microsoft 365 US Government
detail-profile-cloud-conflict = Microsoft says { $domain } is on { $found }; the settings are for { $configured }

## The deployment files (deploy/folder.rs).

# $folder (String) - a folder; $count (Number) - how many folders
detail-deploy-too-many-folders = { $folder } already holds { $count } folders of files saved today; move some away
# $path (String) - a file or folder; $why (String) - one of the reasons below
detail-deploy-not-written = { $path } could not be written: { $why }
detail-deploy-not-allowed = you may not write there
detail-deploy-read-only = the drive is read-only
detail-deploy-disk-full = the disk is full
detail-deploy-no-folder = the folder does not exist
detail-deploy-file-in-the-way = a file is in the way where a folder should be
# $error (String) - the system's words
detail-deploy-system-said = the system said: { $error }

## A typed mailbox address that cannot be used (address.rs): the whole explanation of INVALID_ADDRESS.

detail-address-empty = Please type your email address, for example ann@example.edu.
detail-address-display-name = Please type only the address itself (like ann@example.edu), without a name or angle brackets.
detail-address-spaces = An email address cannot contain spaces. Please check what you typed.
detail-address-missing-at = An email address needs an @ between the name and the domain, like ann@example.edu.
detail-address-several-at = An email address has only one @. Please check what you typed.
detail-address-empty-local = The part before the @ is missing.
detail-address-empty-domain = The part after the @ (the domain, like example.edu) is missing.
# $text (String) - the character, in quotes, e.g. ','
detail-address-bad-char = The part before the @ contains { $text }, which email addresses cannot use.
# $character (String) - its kind (detail-address-full-width, …); $code (String) - e.g. U+200B
detail-address-look-alike = The address contains { $character } ({ $code }), a character that makes it look like another address. Please type the address yourself instead of pasting it.
detail-address-full-width = a full-width character
detail-address-direction-character = an invisible character that changes the writing direction
detail-address-invisible-character = an invisible character
detail-address-dots = The part before the @ cannot start or end with a dot or have two dots in a row.
detail-address-quoted = Addresses with quotation marks are not supported by Microsoft 365 or Gmail.
# $text (String) - the domain, in quotes
detail-address-bad-domain = { $text } is not a valid domain. Check the part after the @, for example example.edu.
detail-address-domain-without-dot = The domain { $text } is incomplete: it needs a dot, like example.edu.
detail-address-too-long = This address is too long to be a real mailbox address.

## Why a browser could not show the sign-in page (browser/error.rs): the finding's { $problem }.

# $browser (String) - the browser's name, e.g. Firefox
detail-browser-not-installed = { $browser } is not installed
detail-browser-none-found = no browser with a private mode (Edge, Chrome, Chromium, Brave, Firefox) was found
detail-browser-none-found-macos = Safari cannot be asked to open a private window by another app, and no other browser with a private mode (Microsoft Edge, Google Chrome, Firefox, Chromium, Brave) was found in Applications
# $browser (String) - the browser's name; $error (String) - the operating system's reason
detail-browser-not-started = { $browser } could not be started ({ $error })

# Why the system browser did not start (browser/error.rs)
detail-browser-none-set-up = no web browser is set up on this computer
detail-browser-not-allowed = the computer did not allow the web browser to start
# $error (String) - the operating system's own words
detail-browser-system-said = the system said: { $error }
detail-browser-task-stopped = the app stopped while opening the browser

## Another copy of the app renews the same sign-in (assistant/tokens.rs).

# $duration (String) - how long the app waited, e.g. 30 seconds
detail-lock-busy = another renewal of this sign-in is still running after { $duration }

## The technical line of a step (shown under Details and on the command line), around the
## servers' own facts.

# $host (String) - a server's name or address; $ms (String) - milliseconds
detail-step-answered = { $host } answered in { $ms } ms
# $address (String) - the loopback redirect URI the app listens on
detail-step-listening = listening on { $address }
# $account (String) - the account that signed in
detail-step-signed-in-as = signed in as { $account }
detail-step-signed-in-confirm = signed in as { $account }: needs your confirmation
detail-step-saved-in-vault = saved in the OS vault
detail-step-password-accepted = password accepted for { $account }
# $count (Number) - how many messages the inbox holds
detail-step-inbox-count = INBOX has { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
# $uid (String) - the message's IMAP UID; $ms (String) - milliseconds
detail-step-found-uid = found as UID { $uid } after { $ms } ms
detail-step-token-opaque = mail permissions granted (the access token itself is opaque)
# $scopes (String) - the token's scopes, e.g. SMTP.Send IMAP.AccessAsUser.All
detail-step-token-exchange = token for Exchange mail: { $scopes }
# $audience (String) - what the token is for
detail-step-token-for = token for { $audience }
# $account (String) - the administrator; $tenant (String) - the organisation's tenant id
detail-step-admin-signed-in = signed in as { $account } (organisation { $tenant })
# $found (String) - registration, enterprise or none; $grants, $roles (Number) - how many
detail-step-graph-facts = { $found ->
        [registration] registration found
        [enterprise] enterprise application found (registered in another organisation)
       *[none] not found
    }; { $grants ->
        [one] { $grants } consent grant
       *[other] { $grants } consent grants
    }, { $roles ->
        [one] { $roles } application permission granted
       *[other] { $roles } application permissions granted
    }

## Where the log goes (the report). $variable (String) - the environment variable; $folder (String) - a folder
detail-log-stderr = standard error of the command ({ $variable }=debug for more)
detail-log-stderr-and-app = standard error of the command ({ $variable }=debug for more); the desktop app's log is in { $folder }
