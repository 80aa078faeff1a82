## The helpdesk report (text and HTML; its JSON has no words). $mailbox: the mailbox address.

report-title = Mail Setup Assistant report: { $mailbox }
report-title-text = MAIL SETUP ASSISTANT REPORT — { $mailbox }
report-all-passed = Everything checked passed.
report-something-failed = Something failed: see the red parts below.
report-technical-detail = Technical detail
report-for-admin = For the administrator:
report-for-audience = { $audience ->
    [user] for the user
    [helpdesk] for the helpdesk
   *[admin] for the administrator
}
report-section-about = Mailbox and computer
report-section-servers = Servers
report-section-token = Access token claims (the token itself is never shown)
report-result = { $action }: { $passed ->
    [yes] passed
   *[no] FAILED
}
report-field-mailbox = Mailbox
report-field-app = App
report-field-computer = Computer
report-field-log = Log
report-field-made = Report made
report-field-provider = Provider
report-field-sending-server = Sending server
report-field-mailbox-server = Mailbox server
report-field-sign-in-method = Sign-in method
report-field-authority = Sign-in authority
report-field-client-id = App registration (client id)
report-field-scopes = Scopes
report-field-saved = Saved on this computer
report-field-signed-in-as = Signed in as
report-field-signed-in-as-delegate = Signed in as (delegate)
report-field-set-up = Set up
report-field-last-success = Last successful check
report-field-last-renewed = Last renewed
report-field-token-expires = Access token expires
report-field-health = How long the sign-in lasts
report-field-sending-addresses = Sending server addresses
report-field-mailbox-addresses = Mailbox server addresses
report-field-smtp-greeting = SMTP greeting
report-field-smtp-before-tls = SMTP before TLS
report-field-smtp-after-tls = SMTP after TLS
report-field-smtp-tls = SMTP TLS
report-field-imap-capabilities = IMAP capabilities
report-field-imap-tls = IMAP TLS
report-field-port = Port
report-field-sign-in-service = Sign-in service
report-field-proxy = Proxy
report-field-certificates = Certificates checked by
report-field-tid = Tenant (tid)
report-field-oid = User object (oid)
report-field-upn = User (upn)
report-field-aud = Service (aud)
report-field-scp = Permissions (scp)
report-no = no
report-never = never

## What a port check found (the report's "Port" lines).
report-port-open = open
report-port-refused = refused
report-port-no-answer = no answer
report-port-name-not-found = name not found
report-port-error = network error
