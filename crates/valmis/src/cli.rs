//! Command-line interface: the top-level arguments (clap), the choice of language and colour,
//! and the dispatch to one module per command (`verify.rs`, `explain.rs`, `init.rs`, `pack.rs`,
//! `probe.rs`, `run.rs`); their arguments are in `args.rs`, what they share in `common.rs`. No
//! command module imports this one.

use crate::terminal::say_err;
use std::io::IsTerminal as _;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use valmis_model::Lang;

use crate::args::{ExplainArgs, InitArgs, MergeArgs, PackArgs, ProbeArgs, RequirementsArgs, RunArgs, VerifyArgs};
use crate::exit;
use crate::lang::tr;

const AFTER_HELP: &str = "\
Exit codes:
  0  ready: no blocking finding (errors; and warnings under --strict)
  1  not ready: at least one blocking requirement failed or could not be evaluated,
     or no requirement was checked at all (every one skipped: offline, not applicable)
  2  usage error: bad arguments, unreadable bundle path, unusable catalog, an --only or
     --skip pattern that matches no requirement, a selection that leaves none to check,
     a report path that would replace a file valmis reads
  3  internal error (a bug in valmis, or out of memory)
  4  output error: a report or another file valmis writes could not be written (the
     verdict is still printed; every other report is still written)

Examples:
  valmis verify submission/ --junit target/valmis/junit.xml
  valmis verify bundle.zip --now 2026-11-23T09:00:00Z --strict
  valmis verify --only 'BUNDLE-*' --skip BUNDLE-HYGIENE
  valmis requirements --service potilastiedon-arkisto
  valmis requirements --coverage submission/
  valmis explain PRIVACY-HETU
  valmis probe submission/ --client-key ~/keys/palvelinvarmenne.key
  valmis run submission/ --endpoint phr --client-key ~/keys/palvelinvarmenne.key --junit harness.xml
  valmis init my-submission";

/// Checks a Kanta co-testing (yhteistestaus) submission bundle before it goes to Kela.
///
/// valmis reads the bundle (a directory or a .zip, never extracted), checks it against the
/// requirement catalog of the co-testing round named in its manifest, and writes JUnit XML that
/// GitHub Actions, GitLab CI and Jenkins show natively. The exit code gates the pipeline.
#[derive(Debug, Parser)]
#[command(name = "valmis", version, about, long_about, after_long_help = AFTER_HELP, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// When to colour the terminal output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    /// Language of everything valmis says: findings, requirement titles, explanations and
    /// fixes, report headings, errors and warnings: en or fi. Defaults to VALMIS_LANG, else the
    /// locale (LC_ALL, LC_MESSAGES, LANG: fi_* gives Finnish), else English. Requirement ids,
    /// statuses and the keys of JSON and SARIF stay the same in both.
    // The variable is said in the text: clap's `[env: …]` would vanish under a typed `--lang`.
    #[arg(long, global = true, value_enum, env = "VALMIS_LANG", hide_env = true)]
    lang: Option<LangChoice>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangChoice {
    /// English.
    En,
    /// Finnish (suomi).
    Fi,
}

/// `--lang` as typed on the command line, read before clap parses it.
fn typed_lang() -> Option<String> {
    // Arguments that are not UTF-8 (a path named in Latin-1) are not `--lang`: clap reads them.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .take_while(|arg| arg != "--")
        .map(|arg| arg.to_str().map(str::to_owned).unwrap_or_default())
        .collect();
    args.iter().enumerate().find_map(|(index, arg)| match arg.strip_prefix("--lang") {
        Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
        Some("") => args.get(index + 1).cloned(),
        _ => None,
    })
}

/// `--lang` as typed, else `VALMIS_LANG`.
fn written_lang(typed: Option<String>) -> Option<LangChoice> {
    let value = typed.or_else(|| std::env::var("VALMIS_LANG").ok())?;
    LangChoice::from_str(&value, true).ok()
}

/// `--lang`, or the locale's language.
fn language(choice: Option<LangChoice>) -> Lang {
    match choice {
        Some(LangChoice::En) => Lang::En,
        Some(LangChoice::Fi) => Lang::Fi,
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
            .map_or(Lang::En, |locale| Lang::from_locale(&locale)),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a bundle against its round's requirements and report (the main command).
    ///
    /// Every requirement of the catalog is reported for every subject it applies to: passed,
    /// failed, could not be evaluated, or skipped with the reason. The last line of output is
    /// `N passed, N failed, N skipped`.
    #[command(after_long_help = AFTER_HELP)]
    Verify(VerifyArgs),
    /// List the requirements of a round as a table, or a bundle's pre-test coverage.
    ///
    /// With --coverage BUNDLE: per service the bundle declares, every pre-test case of the
    /// round with what the bundle's report says about it (pass, fail, not-applicable,
    /// missing, duplicate), so that you see what is missing before running anything else.
    #[command(after_long_help = AFTER_HELP)]
    Requirements(RequirementsArgs),
    /// Explain one requirement (what it checks, why, how to fix a failure, its source) or one
    /// pre-test case (what it exercises, what evidence it needs).
    Explain(ExplainArgs),
    /// Write a bundle skeleton with commented templates that say what is still to fill in.
    Init(InitArgs),
    /// Write the clean zip you send to Kela: refresh manifest.toml's [files] digests, leave out
    /// OS and editor leftovers (.DS_Store, __MACOSX/, ._*, ~$*, *.bak), and zip the rest.
    ///
    /// Only the [files] table of manifest.toml changes (every comment and other value stays);
    /// pack prints each digest it adds, changes or removes, and each file it leaves out. The zip
    /// is deterministic (sorted entries, fixed times) and written atomically. Then run
    /// `valmis verify` on the zip: it is exactly what Kela receives.
    #[command(after_long_help = "Example:\n  valmis pack hakemus -o hakemus.zip && valmis verify hakemus.zip")]
    Pack(PackArgs),
    /// Probe every endpoint of connection/connection.toml with mutual TLS and report the details.
    ///
    /// For each endpoint: TCP connect time, TLS version and cipher suite, the server's chain and
    /// whether it validates to ca_bundle and names the host, whether the server asked for a
    /// client certificate, and the HTTP status of a GET. Failures are classified (DNS, refused,
    /// timeout, alert, unknown issuer, name mismatch, expired, TLS version). Exit code 0 when
    /// every endpoint answers, 1 otherwise, 2 for usage errors.
    #[command(after_long_help = AFTER_HELP)]
    Probe(ProbeArgs),
    /// Run the declared test cases against an endpoint, save the evidence, fill the report.
    ///
    /// Each harness case (testcases/<round>/harness/*.toml, or --cases DIR) runs its steps in
    /// order over HTTPS with mutual TLS: a request built from templates (variables uuid, now,
    /// now_hl7, test_person, organisation_oid, oid, and captures of earlier steps), the
    /// expected status and headers, and the body compared with a golden file after
    /// normalisation, shown as a unified diff. Every request and response is saved under
    /// evidence/<case>/ with SHA-256 and times, and pretest/report.csv gets one row per case,
    /// so `valmis verify` consumes the run directly; the run then says what evidence verify will
    /// still ask of those rows (a stored document, a validation result: what only a person can
    /// add). A template that would send a real identity code is refused. Exit code 0 when every
    /// case passed, 1 otherwise.
    #[command(after_long_help = AFTER_HELP)]
    Run(RunArgs),
    /// Merge the JSON reports of `verify --partition K/N` shards into one report.
    ///
    /// Every shard 1..N must be there once, from the same valmis, round, catalog, bundle, now
    /// and --strict. The merged report is what one unsharded run gives: the same outcomes, the
    /// same JUnit bytes, one verdict and exit code (0 ready, 1 not ready, 2 usage error, 4 a report not written). OUT
    /// is the merged JSON; every other report can be written too, and waivers and a baseline
    /// apply here.
    #[command(after_long_help = AFTER_HELP)]
    Merge(MergeArgs),
}

/// What `valmis --version` says after the name: the version, the commit it was built from and
/// the catalog rounds it embeds (`0.2.0 (abc1234) rounds 2027-1`).
pub(crate) fn version() -> String {
    format!(
        "{} ({}) rounds {}",
        env!("CARGO_PKG_VERSION"),
        env!("VALMIS_COMMIT"),
        valmis_model::CatalogSet::embedded_round_ids().join(", ")
    )
}

/// `valmis` and the command the arguments name (`valmis verify`), for "see `… --help`".
fn command_named() -> String {
    let command = Cli::command();
    let names: Vec<&str> = command.get_subcommands().map(clap::Command::get_name).collect();
    let named = std::env::args_os().skip(1).find_map(|arg| names.iter().find(|name| arg == **name).copied());
    named.map_or_else(|| "valmis".to_owned(), |name| format!("valmis {name}"))
}

/// Runs the command line and returns the exit code.
pub(crate) fn run() -> u8 {
    // The language before clap parses, so that the errors of the value parsers are in it too;
    // the parsed `--lang` agrees.
    let typed = typed_lang();
    let mut command = Cli::command().version(version());
    if typed.is_some() {
        // clap reads a global option's variable at every command level, so `VALMIS_LANG=sv`
        // would be refused even under a typed `--lang en`: the typed option is the one that counts.
        command = command.mut_arg("lang", |arg| arg.env(None));
    }
    let written = language(written_lang(typed));
    crate::lang::set(written);
    let parsed =
        crate::help::localised(command, written).try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help and version, and the help shown for a missing command, are already in the
            // run's language (help.rs).
            let _ = error.print();
            return if error.use_stderr() { exit::USAGE } else { exit::READY };
        }
        Err(error) => {
            say_err!("{}", crate::parse_error::said(&error, &command_named()));
            return exit::USAGE;
        }
    };
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let lang = language(cli.lang);
    crate::lang::set(lang);
    let result = match cli.command {
        Command::Verify(args) => crate::verify::command(args, color, lang),
        Command::Requirements(args) => crate::explain::requirements(args, lang),
        Command::Explain(args) => crate::explain::explain(args, lang).map(|()| exit::READY),
        Command::Init(args) => crate::init::command(args).map(|()| exit::READY),
        Command::Pack(args) => crate::pack::command(args).map(|()| exit::READY),
        Command::Probe(args) => crate::probe::command(args),
        Command::Run(args) => crate::run::command(args, color),
        Command::Merge(args) => crate::verify::merge(args, color),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            say_err!("{}", tr!("cli-error", message = crate::failure::message(&error)));
            crate::failure::exit_code(&error)
        }
    }
}

#[cfg(test)]
mod help_tests {
    use clap::CommandFactory as _;

    use super::Cli;
    use crate::help::{Place, texts};

    /// The help clap derives from the doc comments at `place` of command `name`.
    fn derived(command: &clap::Command, name: &str, place: Place) -> Vec<String> {
        let commands: Vec<&clap::Command> = match name {
            "" => vec![command],
            "*" => command.get_subcommands().collect(),
            name => command.get_subcommands().filter(|sub| sub.get_name() == name).collect(),
        };
        commands
            .into_iter()
            .filter_map(|command| match place {
                Place::About => command.get_about().map(ToString::to_string),
                Place::LongAbout => command.get_long_about().map(ToString::to_string),
                Place::AfterLongHelp => command.get_after_long_help().map(ToString::to_string),
                Place::Arg(id) => command
                    .get_arguments()
                    .find(|arg| arg.get_id() == id)
                    .and_then(|arg| arg.get_help().map(ToString::to_string)),
            })
            .collect()
    }

    /// Issue 20: the English message texts of `--help` are the doc comments' (so English help is
    /// unchanged and the Finnish says the same), and every help text has a message.
    #[test]
    fn the_help_messages_are_the_doc_comments() {
        let command = Cli::command();
        let mut problems = Vec::new();
        let mut dump = String::new();
        for (name, place, english) in texts("en") {
            let derived = derived(&command, name, place);
            if derived.is_empty() {
                problems.push(format!("{name:?} {place:?}: no such help"));
            }
            for text in &derived {
                dump.push_str(&format!("{name}\t{place:?}\t{}\n", text.replace('\n', "\\n")));
                if *text != english {
                    problems.push(format!("{name:?} {place:?}:\n  doc comment: {text:?}\n  message:     {english:?}"));
                }
            }
        }
        if let Some(path) = std::env::var_os("VALMIS_DUMP_HELP") {
            std::fs::write(path, dump).expect("dump");
        }
        // Every argument and command with a help text of its own has a message.
        let covered: Vec<(String, Place)> =
            texts("en").into_iter().map(|(name, place, _)| (name.to_owned(), place)).collect();
        let has = |name: &str, place: Place| {
            covered.iter().any(|(covered_name, covered_place)| {
                *covered_place == place && (covered_name == name || (covered_name == "*" && !name.is_empty()))
            })
        };
        for sub in std::iter::once(&command).chain(command.get_subcommands()) {
            let name = if std::ptr::eq(sub, &command) { "" } else { sub.get_name() };
            if sub.get_about().is_some() && !has(name, Place::About) {
                problems.push(format!("{name:?}: its about has no message"));
            }
            for arg in sub.get_arguments().filter(|arg| arg.get_help().is_some() && !arg.is_global_set()) {
                let id = arg.get_id().as_str();
                if !covered
                    .iter()
                    .any(|(n, p)| matches!(p, Place::Arg(known) if *known == id) && (n == name || n == "*"))
                {
                    problems.push(format!("{name:?}: argument `{id}` has no message"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
