## The command-line program's own words (findings, steps and reports come from the other
## files). Ids start with cli-. Commands, flags and codes are never translated.

cli-cannot-start = mailsetup: cannot start: { $error }
