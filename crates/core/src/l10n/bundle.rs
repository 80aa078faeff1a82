//! The Fluent bundles: the `.ftl` files built into the program, one bundle per language, made
//! once and shared by every thread.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Language;

/// The variables of one message.
pub type Args = FluentArgs<'static>;
/// One variable's value (text or number).
pub type Value = fluent_bundle::FluentValue<'static>;

/// The files of one language, the same names in every folder.
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/findings-common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-network.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-mail.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-exchange.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-entra.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-signin.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-google.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-vault.ftl")),
            include_str!(concat!("../../locales/", $lang, "/findings-settings.ftl")),
            include_str!(concat!(
                "../../locales/",
                $lang,
                "/findings-registration.ftl"
            )),
            include_str!(concat!("../../locales/", $lang, "/findings-relay.ftl")),
            include_str!(concat!("../../locales/", $lang, "/registration.ftl")),
            include_str!(concat!("../../locales/", $lang, "/settings.ftl")),
            include_str!(concat!("../../locales/", $lang, "/steps.ftl")),
            include_str!(concat!("../../locales/", $lang, "/loopback.ftl")),
            include_str!(concat!("../../locales/", $lang, "/health.ftl")),
            include_str!(concat!("../../locales/", $lang, "/report.ftl")),
            include_str!(concat!("../../locales/", $lang, "/page.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../../locales/", $lang, "/details.ftl")),
        ]
    };
}

/// The Fluent source of `language`'s files.
pub(super) fn sources(language: Language) -> [&'static str; 20] {
    match language {
        Language::English | Language::Pseudo => files!("en"),
        Language::Spanish => files!("es"),
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match language {
        Language::English => &BUNDLES[0],
        Language::Spanish => &BUNDLES[1],
        Language::Pseudo => &BUNDLES[2],
    };
    slot.get_or_init(|| build(language))
}

fn build(language: Language) -> Bundle {
    let tag = match language {
        // Plural rules and number formats of the language the words are in.
        Language::Pseudo => "en",
        other => other.tag(),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().unwrap_or_default()]);
    // No Unicode isolation marks around variables: the texts are left-to-right, and the marks
    // would reach terminals, logs, SMTP replies and the `{placeholder}`s findings fill later.
    bundle.set_use_isolating(false);
    if language == Language::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    for source in sources(language) {
        // A file with a syntax error keeps its good messages; the test
        // `every_file_parses_without_error` keeps the files clean.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(
                ?errors,
                language = tag,
                "duplicate messages in the Fluent files"
            );
        }
    }
    bundle
}

/// The pseudo-locale's transformation of each piece of text (not of variables): accented and
/// longer (`fluent-pseudo`); the message is wrapped in `[…]` by [`format`].
fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

/// The message `id` (or its `attribute`) of `language` with `args`; `None` if it has none.
pub(super) fn format(
    language: Language,
    id: &str,
    attribute: Option<&str>,
    args: &Args,
) -> Option<String> {
    let bundle = bundle(language);
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            id,
            ?attribute,
            ?errors,
            "a message was formatted with errors"
        );
    }
    Some(match language {
        Language::Pseudo => format!("[{text}]"),
        _ => text.into_owned(),
    })
}

/// The value of message `id` without variables: each one shows as `{$name}` (Fluent's own
/// rendering of a variable it was not given), for a caller that fills them itself.
pub(super) fn format_quiet(language: Language, id: &str) -> Option<String> {
    let bundle = bundle(language);
    let pattern = bundle.get_message(id)?.value()?;
    let mut missing = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut missing);
    Some(match language {
        Language::Pseudo => format!("[{text}]"),
        _ => text.into_owned(),
    })
}

/// The attribute names of `id` in `language`, in the file's order.
pub(super) fn attributes(language: Language, id: &str) -> Vec<String> {
    bundle(language)
        .get_message(id)
        .map(|m| m.attributes().map(|a| a.id().to_string()).collect())
        .unwrap_or_default()
}

/// Every message id of `language` with its attribute names, in the files' order.
pub(super) fn inventory(language: Language) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for source in sources(language) {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let attributes = m.attributes.iter().map(|a| a.id.name.to_string());
                out.push((m.id.name.to_string(), attributes.collect()));
            }
        }
    }
    out
}

/// The variables message `id` (or its `attribute`) names in `language`'s files, in order.
#[cfg(test)]
pub(super) fn variables(language: Language, id: &str, attribute: Option<&str>) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                match expression {
                    Expression::Inline(inline) => inline_(inline, out),
                    Expression::Select { selector, variants } => {
                        inline_(selector, out);
                        variants.iter().for_each(|v| walk(&v.value, out));
                    }
                }
            }
        }
    }
    fn inline_(expression: &InlineExpression<&str>, out: &mut Vec<String>) {
        match expression {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => {
                walk(
                    &Pattern {
                        elements: vec![PatternElement::Placeable {
                            expression: (**expression).clone(),
                        }],
                    },
                    out,
                );
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for source in sources(language) {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            if message.id.name != id {
                continue;
            }
            let pattern = match attribute {
                Some(name) => message
                    .attributes
                    .into_iter()
                    .find(|a| a.id.name == name)
                    .map(|a| a.value),
                None => message.value,
            };
            if let Some(pattern) = pattern {
                walk(&pattern, &mut out);
            }
        }
    }
    out
}
