## Words the core puts into findings and notes at run time: what went wrong this time (a
## finding's { $problem }, { $platform }, …) and what an information-only step found. Ids start
## with detail-. Server replies, codes, host names and technical step details are not here: they
## are shown as they are.

detail-example = (example)
