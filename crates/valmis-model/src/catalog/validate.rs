//! A `catalog.toml` text to a checked catalog: serde with `deny_unknown_fields` and `Spanned`
//! values, then the semantic checks (duplicate ids, unknown form or service references, date
//! order, id syntax), every problem at its `file:line:col`.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use super::*;
use valmis_i18n::msg;

/// Parses and validates one `catalog.toml` (see [`Catalog::parse`]).
pub(super) fn parse(source: &str, text: &str) -> Result<Catalog, CatalogError> {
    let raw: RawCatalog = toml::from_str(text).map_err(|error| {
        let message = crate::parser_said(error.message().trim_end());
        CatalogError::at(source, text, error.span().map(|span| span.start), message)
    })?;
    Validator { source, text, problems: Vec::new() }.validate(raw)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    format: Spanned<i64>,
    round: RawRound,
    #[serde(rename = "service", default)]
    services: Vec<RawService>,
    #[serde(rename = "form", default)]
    forms: Vec<RawForm>,
    #[serde(rename = "requirement", default)]
    requirements: Vec<Spanned<RawRequirement>>,
    #[serde(rename = "sample_oid", default)]
    sample_oids: Vec<RawSampleOid>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSampleOid {
    oid: Spanned<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    id: Spanned<String>,
    title: String,
    starts: Spanned<toml::value::Datetime>,
    ends: Spanned<toml::value::Datetime>,
    registration_months_before_start: u8,
    pretest_max_age_days: u32,
    certificate_expiry_margin_days: u32,
    #[serde(default = "server_certificate_max_days")]
    server_certificate_max_days: u32,
    #[serde(default = "signing_certificate_max_days")]
    signing_certificate_max_days: u32,
    test_ca_names: Vec<String>,
    production_ca_names: Vec<String>,
    #[serde(default)]
    professional_ca_names: Vec<String>,
    #[serde(default)]
    test_ca_units: Vec<String>,
    #[serde(default)]
    professional_ca_units: Vec<String>,
    production_host_patterns: Vec<String>,
    #[serde(default)]
    sandbox_host_patterns: Vec<String>,
    #[serde(default)]
    cda_schema: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: Spanned<String>,
    title: String,
    forms: Vec<Spanned<String>>,
    #[serde(default)]
    connection: bool,
    #[serde(default)]
    signing_certificate: bool,
    #[serde(default)]
    public_source_ips: bool,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: Spanned<String>,
    title: String,
    patterns: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    id: Spanned<String>,
    area: Area,
    severity: Severity,
    #[serde(default)]
    services: Vec<Spanned<String>>,
    #[serde(default)]
    applies_to: Vec<Spanned<String>>,
    title: String,
    explanation: String,
    fix: String,
    reference: Spanned<String>,
    #[serde(default)]
    fi: Option<Texts>,
    #[serde(default = "builtin")]
    check: Spanned<CheckKind>,
    glob: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    pointer: Option<Spanned<String>>,
    matches: Option<Spanned<String>>,
    pattern: Option<Spanned<String>>,
    command: Option<Spanned<Vec<String>>>,
    output: Option<ExternalOutput>,
}

fn builtin() -> Spanned<CheckKind> {
    Spanned::new(0..0, CheckKind::Builtin)
}

/// DVV server certificates are valid for at most a year (dvv.fi).
fn server_certificate_max_days() -> u32 {
    365
}

/// DVV system-signature certificates are valid for at most two years (dvv.fi).
fn signing_certificate_max_days() -> u32 {
    730
}

struct Validator<'a> {
    source: &'a str,
    text: &'a str,
    problems: Vec<CatalogError>,
}

impl Validator<'_> {
    fn problem(&mut self, offset: usize, message: valmis_i18n::Msg) {
        self.problems.push(CatalogError::at(self.source, self.text, Some(offset), message));
    }

    fn date(&mut self, value: &Spanned<toml::value::Datetime>, field: &str) -> Date {
        match crate::dates::plain_date(value.get_ref()) {
            Ok(date) => return date,
            Err(crate::dates::DateError::NotPlainDate) => {
                self.problem(value.span().start, msg!("catalog-not-plain-date", field = field));
            }
            Err(crate::dates::DateError::Invalid(error)) => {
                self.problem(value.span().start, msg!("catalog-bad-date", field = field, error = error));
            }
        }
        Date::constant(2000, 1, 1)
    }

    /// Checks that a requirement's check kind has exactly the parameters it needs.
    fn declared(&mut self, requirement: &RawRequirement, entry_offset: usize) -> Declared {
        let kind = *requirement.check.get_ref();
        let at = if requirement.check.span().is_empty() { entry_offset } else { requirement.check.span().start };
        let present = |field: &Option<Spanned<String>>| field.as_ref().map(|value| value.get_ref().clone());
        let name = match kind {
            CheckKind::Builtin => "builtin",
            CheckKind::FileExists => "file-exists",
            CheckKind::Xml => "xml",
            CheckKind::Json => "json",
            CheckKind::TextAbsent => "text-absent",
            CheckKind::External => "external",
        };
        let allowed: &[&str] = match kind {
            CheckKind::Builtin => &[],
            CheckKind::FileExists => &["glob"],
            CheckKind::Xml => &["glob", "path", "matches"],
            CheckKind::Json => &["glob", "pointer", "matches"],
            CheckKind::TextAbsent => &["glob", "pattern"],
            CheckKind::External => &["glob", "command", "output"],
        };
        let given = [
            ("glob", requirement.glob.as_ref().map(|v| v.span().start)),
            ("path", requirement.path.as_ref().map(|v| v.span().start)),
            ("pointer", requirement.pointer.as_ref().map(|v| v.span().start)),
            ("matches", requirement.matches.as_ref().map(|v| v.span().start)),
            ("pattern", requirement.pattern.as_ref().map(|v| v.span().start)),
            ("command", requirement.command.as_ref().map(|v| v.span().start)),
            ("output", requirement.output.map(|_| at)),
        ];
        for (field, offset) in given {
            if let Some(offset) = offset
                && !allowed.contains(&field)
            {
                self.problem(offset, msg!("catalog-field-not-for-check", field = field, check = name));
            }
        }
        let required: &[&str] = match kind {
            CheckKind::Builtin => &[],
            CheckKind::FileExists => &["glob"],
            CheckKind::Xml => &["glob", "path"],
            CheckKind::Json => &["glob", "pointer"],
            CheckKind::TextAbsent => &["glob", "pattern"],
            CheckKind::External => &["glob", "command"],
        };
        for field in required {
            if given.iter().any(|(name, offset)| name == field && offset.is_none()) {
                self.problem(at, msg!("catalog-field-needed", check = name, field = *field));
            }
        }
        if let Some(glob) = &requirement.glob
            && let Err(error) = globset::GlobBuilder::new(glob.get_ref()).literal_separator(true).build()
        {
            self.problem(glob.span().start, msg!("catalog-bad-glob", error = error.to_string()));
        }
        for regex in [&requirement.matches, &requirement.pattern].into_iter().flatten() {
            if let Err(error) = regex::Regex::new(regex.get_ref()) {
                let first = error.to_string().lines().last().unwrap_or_default().trim().to_owned();
                self.problem(regex.span().start, msg!("catalog-bad-regex", error = first));
            }
        }
        if let Some(path) = &requirement.path
            && !is_xml_path(path.get_ref())
        {
            self.problem(path.span().start, msg!("catalog-bad-path"));
        }
        if let Some(pointer) = &requirement.pointer
            && !(pointer.get_ref().is_empty() || pointer.get_ref().starts_with('/'))
        {
            self.problem(pointer.span().start, msg!("catalog-bad-pointer"));
        }
        if let Some(command) = &requirement.command
            && command.get_ref().first().is_none_or(|program| program.trim().is_empty())
        {
            self.problem(command.span().start, msg!("catalog-bad-command"));
        }
        Declared {
            glob: present(&requirement.glob),
            path: present(&requirement.path),
            pointer: present(&requirement.pointer),
            matches: present(&requirement.matches),
            pattern: present(&requirement.pattern),
            command: requirement.command.as_ref().map(|command| command.get_ref().clone()).unwrap_or_default(),
            output: requirement.output,
        }
    }

    fn validate(mut self, raw: RawCatalog) -> Result<Catalog, CatalogError> {
        if *raw.format.get_ref() != CATALOG_FORMAT {
            self.problem(
                raw.format.span().start,
                msg!(
                    "catalog-format",
                    format = raw.format.get_ref().to_string(),
                    supported = CATALOG_FORMAT.to_string()
                ),
            );
        }
        let starts = self.date(&raw.round.starts, "round.starts");
        let ends = self.date(&raw.round.ends, "round.ends");
        if ends < starts {
            self.problem(raw.round.ends.span().start, msg!("catalog-round-order"));
        }
        let months = raw.round.registration_months_before_start;
        let registration_deadline = starts.checked_sub(jiff::Span::new().months(i64::from(months))).unwrap_or(starts);
        if !is_round_id(raw.round.id.get_ref()) {
            self.problem(raw.round.id.span().start, msg!("catalog-round-id", id = raw.round.id.get_ref()));
        }

        let mut forms = Vec::new();
        let mut form_ids = BTreeSet::new();
        for form in raw.forms {
            if !form_ids.insert(form.id.get_ref().clone()) {
                self.problem(form.id.span().start, msg!("catalog-form-twice", id = form.id.get_ref()));
            }
            let mut builder = globset::GlobSetBuilder::new();
            for pattern in &form.patterns {
                match globset::GlobBuilder::new(pattern.get_ref())
                    .case_insensitive(true)
                    .literal_separator(true)
                    .build()
                {
                    Ok(glob) => {
                        builder.add(glob);
                    }
                    Err(error) => {
                        self.problem(pattern.span().start, msg!("catalog-bad-glob", error = error.to_string()))
                    }
                }
            }
            let matcher = builder.build().unwrap_or_else(|_| globset::GlobSet::empty());
            forms.push(FormKind {
                id: form.id.into_inner(),
                title: form.title,
                patterns: form.patterns.into_iter().map(Spanned::into_inner).collect(),
                matcher,
            });
        }

        let mut services = Vec::new();
        let mut service_ids = BTreeSet::new();
        for service in raw.services {
            if !service_ids.insert(service.id.get_ref().clone()) {
                self.problem(service.id.span().start, msg!("catalog-service-twice", id = service.id.get_ref()));
            }
            for form in &service.forms {
                if !form_ids.contains(form.get_ref()) {
                    self.problem(form.span().start, msg!("catalog-no-form", id = form.get_ref()));
                }
            }
            services.push(Service {
                id: service.id.into_inner(),
                title: service.title,
                forms: service.forms.into_iter().map(Spanned::into_inner).collect(),
                connection: service.connection,
                signing_certificate: service.signing_certificate,
                public_source_ips: service.public_source_ips,
                aliases: service.aliases,
            });
        }

        let lines = LineIndex::new(self.text.as_bytes());
        let mut requirements = Vec::new();
        let mut requirement_ids = BTreeSet::new();
        for entry in raw.requirements {
            let entry_offset = entry.span().start;
            let requirement = entry.into_inner();
            let id = requirement.id.get_ref();
            if !is_requirement_id(id) {
                self.problem(requirement.id.span().start, msg!("catalog-requirement-id", id = id));
            }
            if !requirement_ids.insert(id.clone()) {
                self.problem(requirement.id.span().start, msg!("catalog-requirement-twice", id = id));
            }
            for service in &requirement.services {
                if !service_ids.contains(service.get_ref()) {
                    self.problem(service.span().start, msg!("catalog-no-service", id = service.get_ref()));
                }
            }
            if !requirement.reference.get_ref().starts_with("https://") {
                self.problem(requirement.reference.span().start, msg!("catalog-reference-https"));
            }
            let mut applies_to = AppliesTo::default();
            for entry in &requirement.applies_to {
                match AppliesTo::parse_entry(entry.get_ref()) {
                    Ok(submission) if !applies_to.0.contains(&submission) => applies_to.0.push(submission),
                    Ok(_) => {
                        self.problem(entry.span().start, msg!("catalog-applies-to-twice", entry = entry.get_ref()))
                    }
                    Err(message) => self.problem(entry.span().start, msg!("catalog-applies-to", error = message)),
                }
            }
            let declared = self.declared(&requirement, entry_offset);
            let (line, _) = lines.line_col(self.text.as_bytes(), entry_offset);
            requirements.push(Requirement {
                id: requirement.id.into_inner(),
                area: requirement.area,
                severity: requirement.severity,
                services: requirement.services.into_iter().map(Spanned::into_inner).collect(),
                applies_to,
                title: requirement.title,
                explanation: reflow(&requirement.explanation),
                fix: reflow(&requirement.fix),
                reference: requirement.reference.into_inner(),
                fi: requirement.fi.map(|fi| Texts {
                    title: fi.title,
                    explanation: reflow(&fi.explanation),
                    fix: reflow(&fi.fix),
                }),
                check: *requirement.check.get_ref(),
                declared,
                line,
            });
        }

        let cda_schema = raw.round.cda_schema.as_ref().map(|path| path.get_ref().clone());
        if let Some(path) = &raw.round.cda_schema {
            let text = path.get_ref();
            if !text.ends_with(".xsd") || text.starts_with('/') || text.split(['/', '\\']).any(|part| part == "..") {
                self.problem(path.span().start, msg!("catalog-schema-path", path = text));
            }
        }
        let mut sample_oids = Vec::new();
        for sample in raw.sample_oids {
            if let Err(error) = valmis_ids::Oid::parse(sample.oid.get_ref()) {
                self.problem(
                    sample.oid.span().start,
                    msg!("catalog-bad-oid", oid = sample.oid.get_ref(), error = error.to_string()),
                );
            }
            sample_oids.push(SampleOid { oid: sample.oid.into_inner(), source: sample.source });
        }

        if let Some(first) = self.problems.into_iter().next() {
            return Err(first);
        }
        Ok(Catalog {
            source: self.source.to_owned(),
            round: Round {
                id: raw.round.id.into_inner(),
                title: raw.round.title,
                starts,
                ends,
                registration_months_before_start: months,
                registration_deadline,
                pretest_max_age_days: raw.round.pretest_max_age_days,
                certificate_expiry_margin_days: raw.round.certificate_expiry_margin_days,
                server_certificate_max_days: raw.round.server_certificate_max_days,
                signing_certificate_max_days: raw.round.signing_certificate_max_days,
                test_ca_names: raw.round.test_ca_names,
                production_ca_names: raw.round.production_ca_names,
                professional_ca_names: raw.round.professional_ca_names,
                test_ca_units: raw.round.test_ca_units,
                professional_ca_units: raw.round.professional_ca_units,
                production_host_patterns: raw.round.production_host_patterns,
                sandbox_host_patterns: raw.round.sandbox_host_patterns,
            },
            services,
            forms,
            requirements,
            sample_oids,
            cda_schema: cda_schema.map(|entry| SchemaFiles { origin: entry.clone(), entry, files: Vec::new() }),
            pretest: Vec::new(),
            dir: None,
            pretest_index: std::collections::HashMap::new(),
        })
    }
}

fn is_round_id(id: &str) -> bool {
    let mut parts = id.split('-');
    let year = parts.next().unwrap_or_default();
    let number = parts.next().unwrap_or_default();
    parts.next().is_none()
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

fn is_requirement_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && part.as_bytes()[0].is_ascii_uppercase()
        })
}
