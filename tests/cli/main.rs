//! Integration tests: the real binary against a real sandbox (PostgreSQL and the AWS emulator),
//! started once for the run and stopped at the end (`MANDALA_TEST_KEEP_SANDBOX=1` keeps it for
//! the next run). Each test gets its own emulator account and database.

/// Registers a module's tests under their module path: `tests![a, b];`.
macro_rules! tests {
    ($($f:ident),* $(,)?) => {
        pub const TESTS: &[crate::Test] = &[$((concat!(module_path!(), "::", stringify!($f)), $f)),*];
    };
}

mod alarms;
mod athena;
mod basics;
mod cleanup;
mod conformance;
mod docs;
mod hardening;
mod health;
mod incident;
mod logs;
mod process;
mod queries;
mod replay;
mod report;
mod runbook;
mod sandbox;
mod scale;
mod support;

use libtest_mimic::{Arguments, Failed, Trial};

type Test = (&'static str, fn() -> Result<(), Failed>);

fn main() {
    let mut args = Arguments::from_args();
    // The tests mostly wait on the binary, the database and the emulator.
    args.test_threads.get_or_insert(4);
    let tests: Vec<Test> = [
        basics::TESTS,
        docs::TESTS,
        hardening::TESTS,
        sandbox::TESTS,
        health::TESTS,
        queries::TESTS,
        conformance::TESTS,
        athena::TESTS,
        logs::TESTS,
        process::TESTS,
        scale::TESTS,
        cleanup::TESTS,
        alarms::TESTS,
        replay::TESTS,
        runbook::TESTS,
        incident::TESTS,
        report::TESTS,
    ]
    .concat();
    // The browser test is skipped, saying why, where there is no Chromium; CI installs one and
    // sets MANDALA_REQUIRE_BROWSER, so there a missing browser fails instead.
    let browser = std::path::Path::new(&report::chromium()).exists()
        || std::env::var_os("MANDALA_REQUIRE_BROWSER").is_some();
    if !browser {
        eprintln!(
            "skipping the browser test: no Chromium at {} (install it or set CHROMIUM; \
             `.ci/run` installs it)",
            report::chromium()
        );
    }
    let needs_sandbox = !args.list;
    let harness = if needs_sandbox {
        Some(support::start())
    } else {
        None
    };
    let trials = tests
        .into_iter()
        .map(|t| (t, false))
        .chain(report::BROWSER_TESTS.iter().map(|t| (*t, !browser)))
        .map(|((name, f), skip)| {
            let ready = harness
                .as_ref()
                .map(|h| h.as_ref().map(|_| ()).map_err(Clone::clone));
            Trial::test(name, move || {
                if let Some(Err(e)) = &ready {
                    return Err(format!("the test sandbox did not start: {e}").into());
                }
                f()
            })
            .with_ignored_flag(skip)
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    if needs_sandbox {
        support::stop();
    }
    conclusion.exit();
}
