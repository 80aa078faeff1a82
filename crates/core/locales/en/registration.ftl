## The registration check (the administrator page, `mailsetup admin check`): what each item
## checks, what it saw, and the result in one sentence.

check-item-registration = The app exists in your organisation
check-item-enabled = The app is enabled
check-item-public-client = It is a public client (a desktop app)
check-item-client-secret = Its client secret is stored and valid
check-item-redirect = The app's redirect URI is registered
check-item-permissions = It asks for the permissions the app needs
check-item-consent = An administrator consented to them
check-item-unneeded = It has no permissions the app does not need

# $total (Number) - the items; $failed, $unchecked (Number) - how many failed, could not be checked
check-summary-ready = The app registration is ready: every item passed.
check-summary-failed = { $failed } of { $total } items need attention.
check-summary-unchecked = Nothing failed, but { $unchecked } of { $total } items could not be checked.
check-summary-failed-unchecked = { $failed } of { $total } items need attention, and { $unchecked } could not be checked.
# $title (String) - the finding's title: why the check stopped
check-summary-stopped = The check could not be completed: { $title }

check-not-found = Not checked: the app was not found.
check-elsewhere = Not checked here: the registration belongs to another organisation.
# $name (String) - the registration's display name (check-no-name when it has none); $client (String) - its client id
check-found = Found: "{ $name }" ({ $client }), registered in your organisation.
# $name (String) - the enterprise application's name; $tenant (String) - the tenant id of the organisation that owns the registration (check-unknown when Graph does not say)
check-found-elsewhere = Found as the enterprise application "{ $name }"; its registration belongs to another organisation (tenant { $tenant }).
check-no-name = no name
check-unknown = unknown
check-enabled-not-yet = Not checked: the app has no enterprise application in your organisation yet. Microsoft creates it, enabled, when an administrator consents (see below).
check-enabled = Enabled: people can sign in with it.
# $platform (String) - the platform's name as the admin center shows it (detail-registration-platform-public)
check-public-client = A public client: the "{ $platform }" platform, and "Allow public client flows" is on.
# $title (String) - why the secret could not be tried (a finding's title)
check-secret-not-tried = Not checked: the stored secret could not be tried ({ $title }).
check-secret-accepted = Microsoft accepted the client secret stored on this computer (tried by asking for a token for the app itself, which the app threw away unused).
# $redirect (String) - the redirect URI; $platform (String) - the platform's name
check-redirect = { $redirect } is registered under "{ $platform }" (any port).
# $permissions (String) - the permissions' names, comma-separated
check-permissions = Asks for { $permissions } (delegated).
check-consent = An administrator consented to all of them for the whole organisation.
check-unneeded-none = Nothing beyond what the app needs.
check-unneeded-none-granted = Nothing beyond what the app needs (of what this organisation granted; the registration itself is read in its own organisation).
# $count (Number) - how many; $permissions (String) - their names, comma-separated
check-unneeded-extra = No application permissions. It also has { $count ->
        [one] a delegated permission
       *[other] { $count } delegated permissions
    } this app does not use ({ $permissions }): harmless, since delegated permissions only act for the person signed in, but you may remove { $count ->
        [one] it
       *[other] them
    }.
check-unneeded-extra-granted = No application permissions (of what this organisation granted; the registration itself is read in its own organisation). It also has { $count ->
        [one] a delegated permission
       *[other] { $count } delegated permissions
    } this app does not use ({ $permissions }): harmless, since delegated permissions only act for the person signed in, but you may remove { $count ->
        [one] it
       *[other] them
    }.
