//! `--help` in the run's language. The English help is clap's, from the doc comments of
//! `cli.rs` and `args.rs`; under `--lang fi` every text valmis writes there (about, long about,
//! argument help, the exit-code table and examples) is replaced from the message files, and
//! clap's own headings and flag texts too. A test keeps the English message texts equal to the
//! doc comments, so the two languages say the same.

use clap::{Arg, ArgAction, Command};
use valmis_i18n::t;
use valmis_model::Lang;

/// Where a help text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The one-line summary (`-h`, and the command list).
    About,
    /// The full description (`--help`).
    LongAbout,
    /// What `--help` prints after the options.
    AfterLongHelp,
    /// An argument's help, by its id.
    Arg(&'static str),
}

/// Every help text of valmis in `lang`, by command (`""` for the top level, `*` for each
/// command that has the argument).
pub(crate) fn texts(lang: &str) -> Vec<(&'static str, Place, String)> {
    vec![
        ("", Place::About, t!(lang, "help-about")),
        ("", Place::LongAbout, t!(lang, "help-long")),
        ("", Place::AfterLongHelp, t!(lang, "help-after")),
        ("verify", Place::AfterLongHelp, t!(lang, "help-after")),
        ("requirements", Place::AfterLongHelp, t!(lang, "help-after")),
        ("probe", Place::AfterLongHelp, t!(lang, "help-after")),
        ("run", Place::AfterLongHelp, t!(lang, "help-after")),
        ("merge", Place::AfterLongHelp, t!(lang, "help-after")),
        ("", Place::Arg("color"), t!(lang, "help-color")),
        ("", Place::Arg("lang"), t!(lang, "help-lang")),
        ("verify", Place::About, t!(lang, "help-verify-about")),
        ("verify", Place::LongAbout, t!(lang, "help-verify-long")),
        ("verify", Place::Arg("bundle"), t!(lang, "help-verify-bundle")),
        ("*", Place::Arg("catalog"), t!(lang, "help-shared-catalog")),
        ("verify", Place::Arg("now"), t!(lang, "help-verify-now")),
        ("verify", Place::Arg("online"), t!(lang, "help-verify-online")),
        ("verify", Place::Arg("client_key"), t!(lang, "help-verify-client-key")),
        ("verify", Place::Arg("probe_timeout"), t!(lang, "help-verify-probe-timeout")),
        ("verify", Place::Arg("cda_schema"), t!(lang, "help-verify-cda-schema")),
        ("verify", Place::Arg("strict"), t!(lang, "help-verify-strict")),
        ("verify", Place::Arg("timestamps"), t!(lang, "help-verify-timestamps")),
        ("verify", Place::Arg("only"), t!(lang, "help-verify-only")),
        ("verify", Place::Arg("skip"), t!(lang, "help-verify-skip")),
        ("verify", Place::Arg("quiet"), t!(lang, "help-verify-quiet")),
        ("verify", Place::Arg("verbose"), t!(lang, "help-verify-verbose")),
        ("verify", Place::Arg("jobs"), t!(lang, "help-verify-jobs")),
        ("verify", Place::Arg("partition"), t!(lang, "help-verify-partition")),
        ("verify", Place::Arg("junit"), t!(lang, "help-shared-junit")),
        ("merge", Place::Arg("junit"), t!(lang, "help-shared-junit")),
        ("verify", Place::Arg("json"), t!(lang, "help-shared-json")),
        ("merge", Place::Arg("json"), t!(lang, "help-shared-json")),
        ("*", Place::Arg("sarif"), t!(lang, "help-shared-sarif")),
        ("*", Place::Arg("gitlab_codequality"), t!(lang, "help-shared-gitlab-codequality")),
        ("*", Place::Arg("waivers"), t!(lang, "help-shared-waivers")),
        ("*", Place::Arg("baseline"), t!(lang, "help-shared-baseline")),
        ("*", Place::Arg("html"), t!(lang, "help-shared-html")),
        ("*", Place::Arg("summary_md"), t!(lang, "help-shared-summary-md")),
        ("requirements", Place::About, t!(lang, "help-requirements-about")),
        ("requirements", Place::LongAbout, t!(lang, "help-requirements-long")),
        ("requirements", Place::Arg("round"), t!(lang, "help-requirements-round")),
        ("requirements", Place::Arg("service"), t!(lang, "help-requirements-service")),
        ("requirements", Place::Arg("kind"), t!(lang, "help-requirements-kind")),
        ("requirements", Place::Arg("role"), t!(lang, "help-requirements-role")),
        ("requirements", Place::Arg("coverage"), t!(lang, "help-requirements-coverage")),
        ("requirements", Place::Arg("json"), t!(lang, "help-requirements-json")),
        ("requirements", Place::Arg("markdown"), t!(lang, "help-requirements-markdown")),
        ("explain", Place::About, t!(lang, "help-explain-about")),
        ("explain", Place::Arg("id"), t!(lang, "help-explain-id")),
        ("explain", Place::Arg("round"), t!(lang, "help-explain-round")),
        ("init", Place::About, t!(lang, "help-init-about")),
        ("init", Place::Arg("dir"), t!(lang, "help-init-dir")),
        ("init", Place::Arg("services"), t!(lang, "help-init-services")),
        ("init", Place::Arg("kind"), t!(lang, "help-init-kind")),
        ("init", Place::Arg("role"), t!(lang, "help-init-role")),
        ("pack", Place::About, t!(lang, "help-pack-about")),
        ("pack", Place::LongAbout, t!(lang, "help-pack-long")),
        ("pack", Place::AfterLongHelp, t!(lang, "help-pack-after")),
        ("pack", Place::Arg("dir"), t!(lang, "help-pack-dir")),
        ("pack", Place::Arg("output"), t!(lang, "help-pack-output")),
        ("probe", Place::About, t!(lang, "help-probe-about")),
        ("probe", Place::LongAbout, t!(lang, "help-probe-long")),
        ("probe", Place::Arg("bundle"), t!(lang, "help-probe-bundle")),
        ("probe", Place::Arg("client_key"), t!(lang, "help-probe-client-key")),
        ("probe", Place::Arg("endpoint"), t!(lang, "help-probe-endpoint")),
        ("probe", Place::Arg("timeout"), t!(lang, "help-probe-timeout")),
        ("probe", Place::Arg("json"), t!(lang, "help-probe-json")),
        ("run", Place::About, t!(lang, "help-run-about")),
        ("run", Place::LongAbout, t!(lang, "help-run-long")),
        ("run", Place::Arg("bundle"), t!(lang, "help-run-bundle")),
        ("run", Place::Arg("endpoint"), t!(lang, "help-run-endpoint")),
        ("run", Place::Arg("client_key"), t!(lang, "help-run-client-key")),
        ("run", Place::Arg("cases"), t!(lang, "help-run-cases")),
        ("run", Place::Arg("only"), t!(lang, "help-run-only")),
        ("run", Place::Arg("test_person"), t!(lang, "help-run-test-person")),
        ("run", Place::Arg("timeout"), t!(lang, "help-run-timeout")),
        ("run", Place::Arg("retries"), t!(lang, "help-run-retries")),
        ("run", Place::Arg("max_body"), t!(lang, "help-run-max-body")),
        ("run", Place::Arg("junit"), t!(lang, "help-run-junit")),
        ("merge", Place::About, t!(lang, "help-merge-about")),
        ("merge", Place::LongAbout, t!(lang, "help-merge-long")),
        ("merge", Place::Arg("out"), t!(lang, "help-merge-out")),
        ("merge", Place::Arg("shards"), t!(lang, "help-merge-shards")),
        ("merge", Place::Arg("quiet"), t!(lang, "help-merge-quiet")),
        ("merge", Place::Arg("verbose"), t!(lang, "help-merge-verbose")),
    ]
}

/// `command` with `text` at `place`.
fn placed(command: Command, place: Place, text: String) -> Command {
    match place {
        Place::About => command.about(text),
        Place::LongAbout => command.long_about(text),
        Place::AfterLongHelp => command.after_long_help(text),
        Place::Arg(id) => command.mut_arg(id, |arg| arg.help(text)),
    }
}

/// `command` with its help in `lang` (English: as clap derives it).
pub(crate) fn localised(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let lang = lang.as_str();
    let mut command = command;
    for (name, place, text) in texts(lang) {
        command = match name {
            "" => placed(command, place, text),
            "*" => {
                let Place::Arg(id) = place else { continue };
                let having: Vec<String> = command
                    .get_subcommands()
                    .filter(|sub| sub.get_arguments().any(|arg| arg.get_id() == id))
                    .map(|sub| sub.get_name().to_owned())
                    .collect();
                for sub in having {
                    command = command.mut_subcommand(sub, |sub| placed(sub, place, text.clone()));
                }
                command
            }
            name => command.mut_subcommand(name, |sub| placed(sub, place, text)),
        };
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!(lang, "help-heading-usage")
    );
    let frame = |command: Command| {
        command
            .help_template(template.clone())
            .subcommand_help_heading(t!(lang, "help-heading-commands"))
            .mut_args(|arg| {
                let heading = if arg.is_positional() {
                    t!(lang, "help-heading-arguments")
                } else {
                    t!(lang, "help-heading-options")
                };
                arg.help_heading(heading)
            })
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(t!(lang, "help-flag-help"))
                    .help_heading(t!(lang, "help-heading-options")),
            )
            // Every command answers --version (`propagate_version`), as in English.
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(t!(lang, "help-flag-version"))
                    .help_heading(t!(lang, "help-heading-options")),
            )
    };
    let mut command = frame(command)
        .mut_arg("color", |arg| arg.hide_possible_values(true))
        .mut_arg("lang", |arg| arg.hide_possible_values(true));
    command = command.mut_subcommands(frame);
    command.build();
    command.mut_subcommand("help", |help| help.about(t!(lang, "help-help-command")))
}
