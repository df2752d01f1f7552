//! Every seed and every saved crashing input is replayed through its target: none may panic.

use std::path::Path;

#[test]
fn seeds_and_saved_crashes_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut replayed = 0;
    for target in valmis_fuzz::targets() {
        let mut inputs: Vec<Vec<u8>> =
            target.seeds.iter().map(|seed| std::fs::read(root.join(seed)).expect("seed file")).collect();
        if let Ok(entries) = std::fs::read_dir(valmis_fuzz::regressions(&root, target.name)) {
            inputs.extend(entries.filter_map(Result::ok).filter_map(|entry| std::fs::read(entry.path()).ok()));
        }
        let mut rng = valmis_fuzz::Rng::new(7);
        for input in inputs {
            (target.run)(&input);
            // A few fixed mutations of each, so that the targets' wiring is exercised too.
            for _ in 0..3 {
                (target.run)(&valmis_fuzz::mutate(&mut rng, &input, &input));
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 14, "every target has seeds: {replayed}");
}
