//! The PRETEST requirements: the pre-test case report read once per run (`inputs::pretest`),
//! then checked against the round's declared cases (`pretest/<service>.toml`).
//!
//! Every requirement but PRETEST-REPORT reports one outcome per case id, so that a QA engineer
//! finds each pre-test case by its id in JUnit (`PRETEST-RESULT: PA-02`).

pub(crate) mod cases;
pub(crate) mod evidence;
pub(crate) mod kit;
pub(crate) mod report;
