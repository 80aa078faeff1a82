## The desktop page (ui/): every word it shows itself. Findings and step words come from the
## other files. Ids start with page-; a variable is written { $name } and the page fills it
## (no plurals or other choices here: the page only puts values in place).

page-app-name = Mail Setup Assistant
