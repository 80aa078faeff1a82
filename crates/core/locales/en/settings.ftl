## The settings: each section's title and each setting's label, with its description for the
## administrator (admin show, the administrator page, the deployment files' words).

settings-section-app = The app
settings-section-microsoft = Microsoft 365 sign-in
settings-section-google = Sign in with Google
settings-section-outlook = Personal Microsoft accounts (Outlook.com)
settings-section-autoconfig = Server discovery
settings-section-dns = DNS
settings-section-servers = Mail servers
settings-section-tls = Trusted certificates
settings-section-timeouts = Timeouts

setting-app-language = Language
    .description = The language of the app's words: en (English) or es (Spanish). Leave it out to follow the computer's language.
setting-microsoft-cloud = Microsoft cloud
    .description = global, usgov or china: the tenant's national cloud, which sets the sign-in and mail hosts.
setting-microsoft-authority = Sign-in authority
    .description = The base address of Microsoft's sign-in service (https only). Leave it empty: the cloud sets it.
setting-microsoft-tenant = Tenant
    .description = The Microsoft Entra tenant: its ID, a verified domain, or organizations for any work or school account.
setting-microsoft-client-id = Application (client) ID
    .description = Copy it from the app registration's Overview page in the Microsoft Entra admin center (a GUID).
setting-microsoft-client-type = Registration type
    .description = public for a "Mobile and desktop applications" registration (recommended); confidential for a "Web" registration, whose client secret is entered once on the administrator page and kept in each computer's vault.
setting-microsoft-redirect = Redirect URI
    .description = The redirect URI registered for the app: http://localhost or http://127.0.0.1, with an optional path (the app adds the port).
setting-microsoft-admin-accounts = Administrator accounts
    .description = Accounts that must never be accepted as a mailbox's sign-in, such as the tenant's administrators (a list of addresses; in a policy, one per line).
setting-microsoft-start-page-seconds = Start page delay (seconds)
    .description = Seconds the app's own start page is shown before the Microsoft sign-in page (0 to 60).
setting-microsoft-graph = Microsoft Graph address
    .description = The Microsoft Graph the registration check reads (https only). Leave it empty: the cloud sets it (a US Government DoD tenant sets https://dod-graph.microsoft.us).
setting-microsoft-check-client-id = Registration check app (client) ID
    .description = The app an administrator signs in with to check the registration. Leave it empty: Microsoft's "Microsoft Graph Command Line Tools"; set another only if your organisation blocks that one.
setting-google-client-id = Google OAuth client ID
    .description = The client ID of a Google "Desktop app" OAuth client, for "Sign in with Google". Without it, Gmail and Google Workspace use App Passwords.
setting-google-authorize-url = Google authorization endpoint
    .description = Google's authorization endpoint (https). Leave it empty unless a proxy requires another address.
setting-google-token-url = Google token endpoint
    .description = Google's token endpoint (https). Leave it empty unless a proxy requires another address.
setting-outlook-client-id = Personal accounts (Outlook.com) client ID
    .description = The Application (client) ID of a registration that accepts personal Microsoft accounts (Outlook.com, Hotmail).
setting-autoconfig-ispdb = Thunderbird autoconfig database
    .description = Where the app looks up other providers' mail servers (https).
setting-dns-server = DNS server
    .description = The DNS server for looking up a domain's mail servers, as IP address with optional :port. Empty: the computer's own.
setting-servers-smtp = Sending server (SMTP)
    .description = host:port of the SMTP submission server, instead of the provider's.
setting-servers-imap = Mailbox server (IMAP)
    .description = host:port of the IMAP server, instead of the provider's.
setting-tls-extra-ca-file = Extra CA certificates file
    .description = A PEM file of certificates trusted in addition to the computer's, e.g. for a TLS-inspecting proxy. A relative path is relative to the settings file; for a policy, to the folder of the computer's settings file.
setting-timeouts-connect = Connect timeout (seconds)
    .description = Connecting to a server, with TLS, when signing in or checking (default 10).
setting-timeouts-command = Command timeout (seconds)
    .description = One SMTP or IMAP command and its reply (default 30).
setting-timeouts-http = Web request timeout (seconds)
    .description = One request to the sign-in service (default 30).
setting-timeouts-sign-in = Sign-in wait (seconds)
    .description = How long the app waits for the person to finish signing in in the browser (default 300).
setting-timeouts-message-arrival = Test message wait (seconds)
    .description = How long the app waits for the test message to arrive (default 10).
setting-timeouts-discovery = Discovery timeout (seconds)
    .description = Each lookup of a domain's provider (default 5).
setting-timeouts-probe = Port check timeout (seconds)
    .description = Each port check in the connection check (default 2.5).

## Where a setting's value came from (admin show, the administrator page). $place (String) - the
## registry key or file path.
origin-policy = IT policy for this computer (Group Policy or Intune), { $place }
origin-managed-preferences = IT profile for this computer (managed preferences), { $place }
origin-machine-file = IT's settings file for this computer, { $place }
origin-user-file = this user's settings file, { $place }
origin-config-file = the settings file given with --config or MAILSETUP_CONFIG, { $place }
origin-text = the settings text given to the app
origin-default = built-in default
origin-not-set = not set

## What each deployment file is for and where it goes.
deploy-purpose-admx = Windows (Group Policy or Intune): the policy template. Copy it into the PolicyDefinitions folder (or import it in Intune as an ADMX file), then turn on the app's policies for the computers.
deploy-purpose-adml = Windows: the template's English words. Copy it into PolicyDefinitions\en-US next to the template; each policy's box starts with the checked value.
deploy-purpose-mobileconfig = Mac: a configuration profile with the settings. Upload it to your device management (MDM, for example Jamf or Intune) for the Macs.
deploy-purpose-toml = Linux (or any single computer): the settings file. Copy it to /etc/mailsetup/settings.toml.
