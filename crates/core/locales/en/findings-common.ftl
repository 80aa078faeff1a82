## Words shared by every finding: the neutral words for a value no one filled in (param-*:
## in a sentence; .in-steps: in a fix step), the vault's name per OS, the handoff to IT.

param-mailbox = the account
    .in-steps = <mailbox address>
param-signed-in = the account
    .in-steps = <signed-in account>
param-server = the server
    .in-steps = the server
param-tenant = in the settings
    .in-steps = <tenant-id>
param-client-id = in use
    .in-steps = <client-id>
param-duration = the time limit
    .in-steps = the time limit
param-problem = no more details were given
    .in-steps = no more details were given
param-authority = https://login.microsoftonline.com
    .in-steps = https://login.microsoftonline.com
param-link = the address shown by the app
    .in-steps = the address shown by the app
param-domain = this domain
    .in-steps = this domain
param-vault = the password vault
    .in-steps = the password vault
param-provider = Microsoft
    .in-steps = Microsoft
param-redirect = the redirect URI in the settings
    .in-steps = <redirect URI>
param-platform = the platform the app needs
    .in-steps = <platform>
param-permissions = some permissions
    .in-steps = <permissions>
vault-name-windows = Windows Credential Manager
vault-name-macos = the macOS keychain
vault-name-linux = the computer's keyring (Secret Service)
admin-handoff = Your IT administrator needs to change a setting. Send them this message: the details below tell them exactly what to do.

## A finding as plain text (the command line, logs): its documentation link, its evidence and
## whom it is for ($audience: user, helpdesk or admin).
finding-more = More:
finding-evidence = Evidence:
finding-for = { $audience ->
    [user] for the user
    [helpdesk] for the helpdesk
   *[admin] for the administrator
}

## A time limit in words ($n: a whole number, or a number with one decimal).
duration-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
