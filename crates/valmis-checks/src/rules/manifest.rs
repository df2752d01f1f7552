//! BUNDLE-MANIFEST: what no more specific requirement covers: the file itself, TOML syntax,
//! `format`, unknown keys, value types, and values that select catalog data (round, services,
//! system class, environment).

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use valmis_i18n::{said, t};
use valmis_model::Requirement;

use super::kit::{Evaluation, MANIFEST};
use crate::context::{Context, ManifestState, SubjectResult, Verdict};
use crate::inputs::manifest::{MANIFEST_FORMAT, PURPOSES, SCHEMA, Shape, describe_value, has_shape};
use crate::inputs::names::{is_placeholder, names_production};
use valmis_model::did_you_mean;

const CLASSES: &[&str] = &["A1", "A2", "A3", "B"];
const ENVIRONMENTS: &[&str] = &["asiakastesti", "tuotannonkuva"];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let lang = context.lang.as_str();
    let manifest = match &context.manifest {
        ManifestState::Parsed(manifest) => manifest,
        ManifestState::Missing => {
            let finding = valmis_model::Finding::said(requirement.severity, said!(lang, "manifest-missing"))
                .at(valmis_model::Location::file(MANIFEST))
                .with_help(t!(lang, "manifest-missing-help"));
            return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Checked(vec![finding]))];
        }
        ManifestState::Unreadable(reason) => {
            let finding =
                valmis_model::Finding::said(requirement.severity, said!(lang, "manifest-unreadable", reason = reason))
                    .at(valmis_model::Location::file(MANIFEST));
            return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Checked(vec![finding]))];
        }
    };
    let mut evaluation = Evaluation::new(context, requirement);
    for (message, offset) in &manifest.syntax_errors {
        let span = offset.map(|offset| offset..offset + 1);
        evaluation.fail(span, said!(lang, "manifest-syntax", message = message.as_str()), None);
    }
    walk(&mut evaluation, lang, manifest.root.get_ref(), SCHEMA, "");

    match manifest.value(&["format"]) {
        None => evaluation.fail(Some(0..0), said!(lang, "manifest-no-format"), None),
        Some(value) => {
            if let DeValue::Integer(integer) = value.get_ref()
                && integer.as_str() != MANIFEST_FORMAT.to_string()
            {
                evaluation.fail(
                    Some(value.span()),
                    said!(lang, "manifest-format", format = integer.as_str(), supported = MANIFEST_FORMAT),
                    None,
                );
            }
        }
    }

    match manifest.value(&["round"]) {
        None => evaluation.fail(Some(0..0), said!(lang, "manifest-no-round"), None),
        Some(value) => {
            if let DeValue::String(round) = value.get_ref()
                && !context.round_known
            {
                let known = context.catalogs.round_ids().join(", ");
                evaluation.fail(
                    Some(value.span()),
                    said!(lang, "manifest-round-unknown", round = round.as_ref(), known = known),
                    Some(t!(lang, "manifest-round-unknown-help")),
                );
            }
        }
    }

    // The values that select what the submission is: a typo must not turn a registration into
    // something else, or into nothing.
    let kinds: Vec<&str> = valmis_model::SubmissionKind::ALL.iter().map(|kind| kind.as_str()).collect();
    let roles: Vec<&str> = valmis_model::Role::ALL.iter().map(|role| role.as_str()).collect();
    for (path, allowed, what) in [
        (&["kind"][..], &kinds[..], "kind"),
        (&["role"][..], &roles[..], "role"),
        (&["customer", "purpose"][..], PURPOSES, "purpose"),
    ] {
        if let Some((value, span)) = manifest.string(path).ok().flatten()
            && !allowed.contains(&value)
        {
            if is_placeholder(value) {
                let placeholder = said!(lang, "manifest-placeholder", key = path.join("."), value = value);
                let choose = t!(lang, "manifest-system-choose", allowed = allowed.join(", "));
                evaluation.fail(Some(span), placeholder, Some(choose));
                continue;
            }
            let hint = did_you_mean(value, allowed.iter().copied()).map(|near| t!(lang, "did-you-mean", near = near));
            evaluation.fail(
                Some(span),
                said!(
                    lang,
                    "manifest-value-unknown",
                    key = path.join("."),
                    value = value,
                    what = what,
                    allowed = allowed.join(", ")
                ),
                hint,
            );
        }
    }

    if manifest.value(&["system"]).is_none() {
        evaluation.fail(Some(0..0), said!(lang, "manifest-no-system"), None);
    } else if manifest.has_table(&["system"]) {
        let system_span = manifest.span_of(&["system"]);
        for key in ["name", "version", "class", "services", "environment"] {
            if manifest.value(&["system", key]).is_none() {
                evaluation.fail(system_span.clone(), said!(lang, "manifest-system-no-key", key = key), None);
            }
        }
        for (key, allowed) in [("class", CLASSES), ("environment", ENVIRONMENTS)] {
            // An environment that names production is ACCESS-ENVIRONMENT's, with its own message.
            if let Some((value, span)) = manifest.string(&["system", key]).ok().flatten()
                && !allowed.contains(&value)
                && !(key == "environment" && names_production(value))
            {
                if is_placeholder(value) {
                    let placeholder = said!(lang, "manifest-system-placeholder", key = key, value = value);
                    let choose = t!(lang, "manifest-system-choose", allowed = allowed.join(", "));
                    evaluation.fail(Some(span), placeholder, Some(choose));
                    continue;
                }
                evaluation.fail(
                    Some(span),
                    said!(lang, "manifest-system-not-one-of", key = key, value = value, allowed = allowed.join(", ")),
                    None,
                );
            }
        }
        for key in ["name", "version"] {
            if let Some((value, span)) = manifest.string(&["system", key]).ok().flatten() {
                if value.trim().is_empty() {
                    evaluation.fail(Some(span), said!(lang, "manifest-system-empty", key = key), None);
                } else if is_placeholder(value) {
                    evaluation.fail(
                        Some(span),
                        said!(lang, "manifest-system-placeholder", key = key, value = value),
                        None,
                    );
                }
            }
        }
        let services = manifest.services();
        if let Some(value) = manifest.value(&["system", "services"])
            && matches!(value.get_ref(), DeValue::Array(items) if items.is_empty())
        {
            evaluation.fail(Some(value.span()), said!(lang, "manifest-services-empty"), None);
        }
        let known: Vec<&str> = context.catalog.services.iter().map(|service| service.id.as_str()).collect();
        let mut seen = Vec::new();
        for (service, span) in services {
            // A service may be named by its id or by an alias (Kela's name since 5/2024); twice
            // is the same service however it is named.
            let Some(canonical) = context.catalog.service(service).map(|known| known.id.as_str()) else {
                let hint =
                    did_you_mean(service, known.iter().copied()).map(|near| t!(lang, "did-you-mean", near = near));
                evaluation.fail(
                    Some(span),
                    said!(lang, "manifest-service-unknown", service = service, known = known.join(", ")),
                    hint,
                );
                continue;
            };
            if seen.contains(&canonical) {
                evaluation.fail(Some(span), said!(lang, "manifest-service-twice", service = service), None);
            }
            seen.push(canonical);
        }
    }
    evaluation.finish()
}

/// Reports unknown keys and wrongly typed values, recursively.
fn walk(evaluation: &mut Evaluation<'_>, lang: &str, table: &DeTable<'_>, schema: &[(&str, Shape)], prefix: &str) {
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let dotted = format!("{prefix}{name}");
        let Some((_, shape)) = schema.iter().find(|(expected, _)| *expected == name) else {
            let hint = did_you_mean(name, schema.iter().map(|(expected, _)| *expected))
                .map(|near| t!(lang, "did-you-mean", near = near));
            let expected: Vec<&str> = schema.iter().map(|(expected, _)| *expected).collect();
            let message = if prefix.is_empty() {
                said!(lang, "manifest-unknown-key-top", key = dotted.as_str(), expected = expected.join(", "))
            } else {
                said!(
                    lang,
                    "manifest-unknown-key-in",
                    key = dotted.as_str(),
                    table = prefix.trim_end_matches('.'),
                    expected = expected.join(", ")
                )
            };
            evaluation.fail(Some(key.span()), message, hint);
            continue;
        };
        check_value(evaluation, lang, &dotted, value, *shape);
    }
}

fn check_value(evaluation: &mut Evaluation<'_>, lang: &str, dotted: &str, value: &Spanned<DeValue<'_>>, shape: Shape) {
    // A date-time with neither date nor time is the parser's stand-in for one it could not read
    // (`2026-11-31`), whose syntax error is already reported: it has no type to speak of.
    if let DeValue::Datetime(datetime) = value.get_ref()
        && datetime.date.is_none()
        && datetime.time.is_none()
    {
        return;
    }
    // `init` writes `submitted = "TODO"`: said as the placeholder it is, not as a wrong type.
    if let (Shape::Date, DeValue::String(text)) = (shape, value.get_ref())
        && is_placeholder(text)
    {
        evaluation.fail(
            Some(value.span()),
            said!(lang, "manifest-placeholder", key = dotted, value = text.as_ref()),
            Some(t!(lang, "manifest-date-quoted-help")),
        );
        return;
    }
    if !has_shape(value.get_ref(), shape) {
        let found = match value.get_ref() {
            DeValue::Array(items) if matches!(shape, Shape::StrArray) => {
                if items.iter().any(|item| !matches!(item.get_ref(), DeValue::String(_))) {
                    "array-mixed"
                } else {
                    "array"
                }
            }
            other => describe_value(other),
        };
        let hint = match (shape, value.get_ref()) {
            (Shape::Date, DeValue::String(_)) => Some(t!(lang, "manifest-date-quoted-help")),
            (Shape::Str, DeValue::Integer(_)) => Some(t!(lang, "manifest-quote-help")),
            _ => None,
        };
        evaluation.fail(
            Some(value.span()),
            said!(
                lang,
                "manifest-wrong-type",
                key = dotted,
                expected = t!(lang, "value-kind", kind = shape.describe()),
                found = t!(lang, "value-kind", kind = found)
            ),
            hint,
        );
        return;
    }
    match (shape, value.get_ref()) {
        (Shape::Table(inner), DeValue::Table(table)) => walk(evaluation, lang, table, inner, &format!("{dotted}.")),
        (Shape::StrMap, DeValue::Table(table)) => {
            for (key, item) in table.iter() {
                if !matches!(item.get_ref(), DeValue::String(_)) {
                    let found = t!(lang, "value-kind", kind = describe_value(item.get_ref()));
                    evaluation.fail(
                        Some(item.span()),
                        said!(lang, "manifest-not-string", key = dotted, item = key.get_ref().as_ref(), found = found),
                        None,
                    );
                }
            }
        }
        _ => {}
    }
}
