//! `valmis-fuzz [--seconds N] [--seed S] [TARGET ...]`, run by `cargo xtask fuzz`: mutates the
//! seeds of each target for N seconds (default 10) and saves any input that panics.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::{Duration, Instant};

use valmis_fuzz::{Rng, mutate, regressions, targets};

fn main() {
    let mut seconds = 10u64;
    let mut seed = 0x5EED_u64;
    let mut wanted = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => seconds = args.next().and_then(|v| v.parse().ok()).unwrap_or(seconds),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            other => wanted.push(other.to_owned()),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // Panics are findings here: keep their messages short and out of the way.
    std::panic::set_hook(Box::new(|_| {}));
    let mut crashes = 0;
    for target in targets().into_iter().filter(|target| wanted.is_empty() || wanted.iter().any(|w| w == target.name)) {
        let seeds: Vec<Vec<u8>> = target.seeds.iter().filter_map(|seed| std::fs::read(root.join(seed)).ok()).collect();
        if seeds.is_empty() {
            eprintln!("{}: no seed files found", target.name);
            std::process::exit(2);
        }
        let mut rng = Rng::new(seed ^ target.name.len() as u64);
        let started = Instant::now();
        let mut runs = 0u64;
        let mut found = 0;
        while started.elapsed() < Duration::from_secs(seconds) {
            let base = &seeds[rng.below(seeds.len())];
            let other = &seeds[rng.below(seeds.len())];
            let input = mutate(&mut rng, base, other);
            runs += 1;
            if std::panic::catch_unwind(AssertUnwindSafe(|| (target.run)(&input))).is_err() {
                found += 1;
                let folder = regressions(&root, target.name);
                let _ = std::fs::create_dir_all(&folder);
                let name = format!(
                    "crash-{:016x}",
                    input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte))
                        .wrapping_mul(0x100_0000_01b3))
                );
                let _ = std::fs::write(folder.join(name), &input);
            }
        }
        println!(
            "{:<13} {runs:>8} inputs in {:>4.1} s, {found} crash(es)",
            target.name,
            started.elapsed().as_secs_f64()
        );
        crashes += found;
    }
    if crashes > 0 {
        eprintln!("{crashes} crashing input(s) saved under fixtures/fuzz-regressions/: each is now a regression test");
        std::process::exit(1);
    }
}
