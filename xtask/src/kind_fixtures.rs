//! Fixtures of the other kinds of submission. Each example is the ready registration turned
//! into another submission of Kela's process by one documented conversion (`as_…`), and passes;
//! each failing fixture is an example with one change, and fails the one requirement that names
//! that rule.

use std::fs;
use std::path::Path;

use crate::fixtures::{Expectation, Fixture, edit};

/// The ready bundle as a change notification (muutosilmoitus) for its certified 4.2.0: the
/// manifest says so and describes the change; the registration's pre-test report, evidence,
/// forms, sample documents and connection data are not part of a notification.
pub(crate) fn as_change_notification(d: &Path) -> anyhow::Result<()> {
    for folder in ["pretest", "evidence", "forms", "documents", "connection"] {
        fs::remove_dir_all(d.join(folder))?;
    }
    edit(
        d,
        "manifest.toml",
        "# Esimerkki Terveys Oy: registration bundle for Kanta co-testing 2027/1 (Patient Data Repository).\n\
         # A complete example that passes every offline requirement: copy it and change what is yours.",
        "# Esimerkki Terveys Oy: change notification (muutosilmoitus) for Esimerkki EHR, certified 4.2.0.\n\
         # A complete example that passes: copy it and change what is yours.",
    )?;
    edit(d, "manifest.toml", "submitted = 2026-11-20", "submitted = 2026-11-20\nkind = \"change-notification\"")?;
    edit(
        d,
        "manifest.toml",
        "[system]",
        "[change]\n\
         certified_version = \"4.2.0\"\n\
         new_version = \"4.3.0\"\n\
         affected_services = [\"potilastiedon-arkisto\"]\n\
         summary = \"Hoitokertomuksen uusi näkymä ja arkistointirajapinnan versio 3.2: asiakirjan versiointi muuttuu.\"\n\
         co_testing_needed = true\n\
         planned_testing = { start = 2027-02-01, end = 2027-02-26 }\n\n\
         [system]",
    )
}

/// The example change notification's planned co-testing.
const PLANNED: &str = "planned_testing = { start = 2027-02-01, end = 2027-02-26 }";

/// The example change notification with its planned co-testing replaced by `planned`.
fn planned(d: &Path, planned: &str) -> anyhow::Result<()> {
    as_change_notification(d)?;
    edit(d, "manifest.toml", PLANNED, planned)
}

const fn passes() -> &'static [Expectation] {
    &[Expectation { args: &[], exit: 0, failing: &[], subject: "", message: "" }]
}

macro_rules! fails {
    ($requirement:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: &[$requirement], subject: "", message: $message }]
    };
}

pub(crate) fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            name: "example-change-notification",
            rehash: true,
            change: as_change_notification,
            expectations: passes(),
        },
        Fixture {
            name: "change-versions-same",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(d, "manifest.toml", "new_version = \"4.3.0\"", "new_version = \"4.2.0\"")
            },
            expectations: fails!("CHANGE-VERSIONS", "new_version `4.2.0` is the certified version `4.2.0`"),
        },
        Fixture {
            name: "change-schedule-july",
            rehash: true,
            change: |d| planned(d, "planned_testing = { start = 2027-06-21, end = 2027-07-09 }"),
            expectations: fails!("CHANGE-SCHEDULE", "includes 2027-07-01: there is no co-testing in July"),
        },
        Fixture {
            name: "change-schedule-late-notice",
            rehash: true,
            change: |d| planned(d, "planned_testing = { start = 2026-12-07, end = 2026-12-18 }"),
            expectations: fails!(
                "CHANGE-SCHEDULE",
                "submitted 2026-11-20, 17 days before the planned testing starts 2026-12-07"
            ),
        },
        Fixture {
            name: "change-scope-unknown-service",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(
                    d,
                    "manifest.toml",
                    "affected_services = [\"potilastiedon-arkisto\"]",
                    "affected_services = [\"potilastiedon-arkisto\", \"e-resepti\"]",
                )
            },
            expectations: fails!("CHANGE-SCOPE", "affected service `e-resepti` is not a service of round 2027-1"),
        },
        Fixture {
            name: "change-scope-no-summary",
            rehash: true,
            change: |d| {
                as_change_notification(d)?;
                edit(
                    d,
                    "manifest.toml",
                    "summary = \"Hoitokertomuksen uusi näkymä ja arkistointirajapinnan versio 3.2: asiakirjan versiointi muuttuu.\"",
                    "summary = \"TODO: mitä muuttuu\"",
                )
            },
            expectations: fails!("CHANGE-SCOPE", "`change.summary` does not describe the change"),
        },
    ]
}
