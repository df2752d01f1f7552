//! BUNDLE-MANIFEST: what no more specific requirement covers: the file itself, TOML syntax,
//! `format`, unknown keys, value types, and values that select catalog data (round, services,
//! system class, environment).

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use valmis_model::Requirement;

use super::kit::{Evaluation, MANIFEST};
use crate::context::{Context, ManifestState, SubjectResult, Verdict};
use crate::inputs::manifest::{MANIFEST_FORMAT, PURPOSES, SCHEMA, Shape, describe_value, did_you_mean, has_shape};
use crate::inputs::names::{is_placeholder, names_production};

const CLASSES: &[&str] = &["A1", "A2", "A3", "B"];
const ENVIRONMENTS: &[&str] = &["asiakastesti", "tuotannonkuva"];

pub(crate) fn check(context: &Context<'_>, requirement: &Requirement) -> Vec<SubjectResult> {
    let manifest = match &context.manifest {
        ManifestState::Parsed(manifest) => manifest,
        ManifestState::Missing => {
            let finding =
                valmis_model::Finding::new(requirement.severity, "there is no manifest.toml at the bundle root")
                    .at(valmis_model::Location::file(MANIFEST))
                    .with_help("`valmis init DIR` writes a commented template to start from");
            return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Checked(vec![finding]))];
        }
        ManifestState::Unreadable(reason) => {
            let finding =
                valmis_model::Finding::new(requirement.severity, format!("manifest.toml cannot be read: {reason}"))
                    .at(valmis_model::Location::file(MANIFEST));
            return vec![SubjectResult::bundle_wide(Some(MANIFEST), Verdict::Checked(vec![finding]))];
        }
    };
    let mut evaluation = Evaluation::new(context, requirement);
    for (message, offset) in &manifest.syntax_errors {
        let span = offset.map(|offset| offset..offset + 1);
        evaluation.fail(span, format!("TOML syntax error: {message}"), None);
    }
    walk(&mut evaluation, manifest.root.get_ref(), SCHEMA, "");

    match manifest.value(&["format"]) {
        None => evaluation.fail(Some(0..0), "manifest has no `format`; add `format = 1` as its first line", None),
        Some(value) => {
            if let DeValue::Integer(integer) = value.get_ref()
                && integer.as_str() != MANIFEST_FORMAT.to_string()
            {
                evaluation.fail(
                    Some(value.span()),
                    format!(
                        "manifest format {} is not supported; this valmis reads format {MANIFEST_FORMAT}",
                        integer.as_str()
                    ),
                    None,
                );
            }
        }
    }

    match manifest.value(&["round"]) {
        None => evaluation.fail(Some(0..0), "manifest has no `round` (the co-testing round, e.g. \"2027-1\")", None),
        Some(value) => {
            if let DeValue::String(round) = value.get_ref()
                && !context.round_known
            {
                let known = context.catalogs.round_ids().join(", ");
                evaluation.fail(
                    Some(value.span()),
                    format!("round `{round}` has no catalog; known rounds: {known}"),
                    Some("use a known round, or give that round's catalog with --catalog DIR".to_owned()),
                );
            }
        }
    }

    // The values that select what the submission is: a typo must not turn a registration into
    // something else, or into nothing.
    let kinds: Vec<&str> = valmis_model::SubmissionKind::ALL.iter().map(|kind| kind.as_str()).collect();
    let roles: Vec<&str> = valmis_model::Role::ALL.iter().map(|role| role.as_str()).collect();
    for (path, allowed, what) in [
        (&["kind"][..], &kinds[..], "kind of submission"),
        (&["role"][..], &roles[..], "role"),
        (&["customer", "purpose"][..], PURPOSES, "customer organisation's purpose"),
    ] {
        if let Some((value, span)) = manifest.string(path).ok().flatten()
            && !allowed.contains(&value)
        {
            let hint = did_you_mean(value, allowed.iter().copied()).map(|near| format!("did you mean `{near}`?"));
            evaluation.fail(
                Some(span),
                format!(
                    "`{}` `{value}` is not a {what} valmis knows; it is one of {}",
                    path.join("."),
                    allowed.join(", ")
                ),
                hint,
            );
        }
    }

    if manifest.value(&["system"]).is_none() {
        evaluation.fail(
            Some(0..0),
            "manifest has no [system] table (name, version, class, services, environment)",
            None,
        );
    } else if manifest.has_table(&["system"]) {
        let system_span = manifest.span_of(&["system"]);
        for key in ["name", "version", "class", "services", "environment"] {
            if manifest.value(&["system", key]).is_none() {
                evaluation.fail(system_span.clone(), format!("[system] has no `{key}`"), None);
            }
        }
        for (key, allowed) in [("class", CLASSES), ("environment", ENVIRONMENTS)] {
            // An environment that names production is ACCESS-ENVIRONMENT's, with its own message.
            if let Some((value, span)) = manifest.string(&["system", key]).ok().flatten()
                && !allowed.contains(&value)
                && !(key == "environment" && names_production(value))
            {
                evaluation.fail(
                    Some(span),
                    format!("system {key} `{value}` is not one of {}", allowed.join(", ")),
                    None,
                );
            }
        }
        for key in ["name", "version"] {
            if let Some((value, span)) = manifest.string(&["system", key]).ok().flatten() {
                if value.trim().is_empty() {
                    evaluation.fail(Some(span), format!("system {key} is empty"), None);
                } else if is_placeholder(value) {
                    evaluation.fail(
                        Some(span),
                        format!("system {key} is still the template placeholder `{value}`"),
                        None,
                    );
                }
            }
        }
        let services = manifest.services();
        if let Some(value) = manifest.value(&["system", "services"])
            && matches!(value.get_ref(), DeValue::Array(items) if items.is_empty())
        {
            evaluation.fail(Some(value.span()), "`system.services` is empty: declare at least one service", None);
        }
        let known: Vec<&str> = context.catalog.services.iter().map(|service| service.id.as_str()).collect();
        let mut seen = Vec::new();
        for (service, span) in services {
            // A service may be named by its id or by an alias (Kela's name since 5/2024); twice
            // is the same service however it is named.
            let Some(canonical) = context.catalog.service(service).map(|known| known.id.as_str()) else {
                let hint = did_you_mean(service, known.iter().copied()).map(|near| format!("did you mean `{near}`?"));
                evaluation.fail(
                    Some(span),
                    format!("unknown service `{service}`; services are {}", known.join(", ")),
                    hint,
                );
                continue;
            };
            if seen.contains(&canonical) {
                evaluation.fail(Some(span), format!("service `{service}` is declared twice"), None);
            }
            seen.push(canonical);
        }
    }
    evaluation.finish()
}

/// Reports unknown keys and wrongly typed values, recursively.
fn walk(evaluation: &mut Evaluation<'_>, table: &DeTable<'_>, schema: &[(&str, Shape)], prefix: &str) {
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let dotted = format!("{prefix}{name}");
        let Some((_, shape)) = schema.iter().find(|(expected, _)| *expected == name) else {
            let where_ = if prefix.is_empty() {
                "at the top level".to_owned()
            } else {
                format!("in [{}]", prefix.trim_end_matches('.'))
            };
            let hint = did_you_mean(name, schema.iter().map(|(expected, _)| *expected))
                .map(|near| format!("did you mean `{near}`?"));
            let expected: Vec<&str> = schema.iter().map(|(expected, _)| *expected).collect();
            evaluation.fail(
                Some(key.span()),
                format!("unknown key `{dotted}` {where_}; expected one of {}", expected.join(", ")),
                hint,
            );
            continue;
        };
        check_value(evaluation, &dotted, value, *shape);
    }
}

fn check_value(evaluation: &mut Evaluation<'_>, dotted: &str, value: &Spanned<DeValue<'_>>, shape: Shape) {
    if !has_shape(value.get_ref(), shape) {
        let found = match value.get_ref() {
            DeValue::Array(items) if matches!(shape, Shape::StrArray) => {
                if items.iter().any(|item| !matches!(item.get_ref(), DeValue::String(_))) {
                    "an array with non-strings"
                } else {
                    "an array"
                }
            }
            other => describe_value(other),
        };
        let hint = match (shape, value.get_ref()) {
            (Shape::Date, DeValue::String(_)) => {
                Some("write the date without quotes: submitted = 2026-11-20".to_owned())
            }
            (Shape::Str, DeValue::Integer(_)) => Some("put the value in quotes".to_owned()),
            _ => None,
        };
        evaluation.fail(Some(value.span()), format!("`{dotted}` must be {}, found {found}", shape.describe()), hint);
        return;
    }
    match (shape, value.get_ref()) {
        (Shape::Table(inner), DeValue::Table(table)) => walk(evaluation, table, inner, &format!("{dotted}.")),
        (Shape::StrMap, DeValue::Table(table)) => {
            for (key, item) in table.iter() {
                if !matches!(item.get_ref(), DeValue::String(_)) {
                    let found = describe_value(item.get_ref());
                    evaluation.fail(
                        Some(item.span()),
                        format!("`{dotted}.\"{}\"` must be a string, found {found}", key.get_ref()),
                        None,
                    );
                }
            }
        }
        _ => {}
    }
}
