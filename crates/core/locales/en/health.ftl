## How long a saved sign-in lasts (the account list, the helpdesk page, the report).
## $address: the mailbox; $renewed and $end: a date and time; $remaining: health-remaining;
## $since: renewed, or added when the sign-in was never renewed since it was set up.

health-ended = { $reason ->
    [inactivity] The sign-in has ended because it was not used for 90 days.
    [policy] The sign-in has ended because your organisation asks everyone to sign in again regularly (sign-in frequency).
    [revoked] The sign-in has ended because it was revoked (a password change, or an administrator).
    [mfa] The sign-in has ended because your organisation now asks for multi-factor authentication.
    [mfa-setup] The sign-in has ended because your organisation now asks you to set up multi-factor authentication first.
    [testing] The sign-in has ended (Google's OAuth client for this app is in "Testing": 7 days).
   *[other] The sign-in has ended.
} Sign in again (in the app, or `mailsetup signin { $address }`).
health-testing = Google ends this sign-in on { $end } ({ $remaining }) even if it is used: the organisation's Google sign-in for this app is still in "Testing". IT can publish it (Google Cloud console → OAuth consent screen → Publish app); then sign in again once.
health-renewed = { $since ->
    [added] Set up { $renewed }
   *[renewed] Last renewed { $renewed }
}. Unused, it stops working on { $end } ({ $remaining }); every renewal moves that on (opening the app or `mailsetup renew --all` renews it).
health-no-end = { $since ->
    [added] Set up { $renewed }
   *[renewed] Last renewed { $renewed }
}. The provider sets no end date: it lasts until it is revoked.
health-limit-policy = Your organisation asks everyone to sign in again regularly (sign-in frequency): the app will ask you when it is due.
health-limit-mfa = The last renewal asked for multi-factor authentication: sign in again in the app.
health-remaining = { $days ->
    [0] today
    [one] in 1 day
   *[other] in { $days } days
}

## How far this computer's clock is from a server's ($n: a whole number; $unit: minute, hour
## or day; $way: ahead or behind), put into the clock-skew finding.
clock-skew-amount = { $unit ->
    [minute] { $n ->
        [one] about 1 minute
       *[other] about { $n } minutes
    }
    [hour] { $n ->
        [one] about 1 hour
       *[other] about { $n } hours
    }
   *[day] { $n ->
        [one] about 1 day
       *[other] about { $n } days
    }
} { $way ->
    [ahead] ahead
   *[behind] behind
}

## The daily renewal registered with, or removed from, the OS's scheduler ($scheduler:
## task-scheduler, launchd, systemd or cron; $command: the command it runs).
schedule-registered = The daily renewal is registered with { $scheduler ->
    [task-scheduler] Windows Task Scheduler
    [launchd] launchd (a login agent)
    [systemd] a systemd user timer
   *[cron] your crontab
}: it runs `{ $command }` once a day.
schedule-removed = The daily renewal is removed from { $scheduler ->
    [task-scheduler] Windows Task Scheduler
    [launchd] launchd (a login agent)
    [systemd] a systemd user timer
   *[cron] your crontab
}.
