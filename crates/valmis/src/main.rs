//! `valmis`: tells a health-IT vendor, in CI, whether its Kanta co-testing submission bundle is
//! ready, and why not. This binary is the edge: it parses arguments, reads and writes files,
//! maps results to exit codes, and leaves every decision to the library crates.

mod args;
mod cli;
mod common;
mod coverage;
mod explain;
mod failure;
mod help;
mod init;
mod lang;
mod output;
mod pack;
mod parse_error;
mod probe;
mod run;
mod terminal;
mod verify;

use std::process::ExitCode;

/// Exit codes (SPEC §2).
pub(crate) mod exit {
    /// Ready: no blocking finding.
    pub(crate) const READY: u8 = 0;
    /// Not ready: a blocking requirement failed or could not be evaluated.
    pub(crate) const NOT_READY: u8 = 1;
    /// Usage error: bad arguments, unreadable bundle, unusable catalog.
    pub(crate) const USAGE: u8 = 2;
    /// Internal error: a bug in valmis, or the machine ran out of memory.
    pub(crate) const INTERNAL: u8 = 3;
    /// Output error: a report or another file valmis writes could not be written.
    pub(crate) const OUTPUT: u8 = 4;
}

/// mimalloc instead of the system allocator: a run allocates and frees one parse per document
/// on every thread, and glibc's malloc kept most of that freed memory resident (65 MiB for a
/// 10,000-document bundle whose live heap never exceeded 14 MiB; see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: OutOfMemoryExit = OutOfMemoryExit(mimalloc::MiMalloc);

/// An allocator that ends the process with one message and exit code 3 when memory runs out,
/// where Rust's default would print `memory allocation of N bytes failed` and abort (SIGABRT,
/// status 134, which a CI log shows as a crash). Stable Rust has no hook for allocation errors,
/// so the allocator itself reports them: without allocating, straight to file descriptor 2.
struct OutOfMemoryExit(mimalloc::MiMalloc);

// SAFETY: every call goes to mimalloc unchanged; a null answer never returns to the caller.
unsafe impl std::alloc::GlobalAlloc for OutOfMemoryExit {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on to mimalloc as it is.
        checked(unsafe { self.0.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        checked(unsafe { self.0.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`.
        checked(unsafe { self.0.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: as for `alloc`.
        unsafe { self.0.dealloc(ptr, layout) }
    }
}

fn checked(pointer: *mut u8, size: usize) -> *mut u8 {
    if pointer.is_null() {
        out_of_memory(size);
    }
    pointer
}

/// Writes one line to standard error without allocating and ends the process with exit code 3.
/// No message file can be read when memory has run out: the line is written here, in both
/// languages (reading the run's language allocates nothing).
fn out_of_memory(size: usize) -> ! {
    // Threads that run out of memory together (a parallel pass) would each write the line: the
    // first writes it and ends the process; the others wait for that end without a word.
    static REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if REPORTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        // Sleeping allocates nothing; the first thread's `_exit` ends the process, this one with it.
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
    let finnish = lang::current() == valmis_model::Lang::Fi;
    let mut line = [0u8; 400];
    let mut length = 0;
    let mut push = |bytes: &[u8]| {
        let room = line.len() - length;
        let take = bytes.len().min(room);
        line[length..length + take].copy_from_slice(&bytes[..take]);
        length += take;
    };
    push(if finnish { "\nvalmis: muisti loppui: ".as_bytes() } else { b"\nvalmis: out of memory: an allocation of " });
    let mut digits = [0u8; 20];
    let mut value = size;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    push(&digits[start..]);
    push(if finnish {
        " tavun varaus epäonnistui, joten ajo pysähtyi eikä kirjoittanut enempää raportteja. \
         Aja se koneella, jossa on enemmän muistia (tai nosta muistirajaa), tai jaa nippu osiin.\n"
            .as_bytes()
    } else {
        b" bytes failed, so the run stopped and wrote no more reports. \
          Run it where more memory is available (or lift the memory limit), or split the bundle.\n"
    });
    // SAFETY: writing a stack buffer to file descriptor 2 and ending the process at once (no
    // destructors, no at-exit handlers: they could allocate) are sound in any state.
    unsafe {
        libc::write(2, line.as_ptr().cast(), length);
        libc::_exit(i32::from(exit::INTERNAL));
    }
}

/// The last panic's message and place, kept by the hook for `main` to report.
static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// mimalloc's `mi_option_purge_delay` (mimalloc.h's `mi_option_e`; libmimalloc-sys names only
/// the options that are stable across mimalloc 2 and 3, and this one is 15 in both).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system after 10 ms, as mimalloc 2 did, instead of mimalloc 3's
/// 1 s (10 s for its arenas). A run frees the catalog's parse and one document per thread over
/// and over; held for a second, that is 20–30 MB of peak memory on a bundle of 10,000 documents
/// and no measurable time (BENCHMARKS.md). `MIMALLOC_PURGE_DELAY` in the environment still wins.
fn return_freed_memory_soon() {
    // SAFETY: sets an option's default before any other thread exists; mimalloc reads its
    // options at any time, and an option the environment set is left as it is.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 10) };
}

/// Gives the memory freed so far back to the system now, instead of when mimalloc's purge
/// delay next comes round on this thread. Called once a bundle is open: a zip's central
/// directory index (some 400 bytes an entry) has just been dropped, and the main thread
/// allocates little after it, so its pages stayed resident through the whole run (peak RSS of
/// the bench's 40,000-document zip 72–76 MiB before, 66–69 MiB after; BENCHMARKS.md).
pub(crate) fn give_back_freed_memory() {
    // SAFETY: `mi_collect` takes a plain flag and only returns free pages of mimalloc's own
    // heaps; it is safe to call at any time from any thread.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// No transparent huge pages for this process, on Linux, unless `MIMALLOC_ALLOW_THP` in the
/// environment says otherwise. mimalloc 3 asks for them (`madvise`) on its arenas, and on a
/// kernel whose THP mode is `madvise` or `always` a 2 MiB page is resident as soon as one byte
/// of it is touched: a run's small live allocations scattered over the arenas held 20–30 MB more
/// than they use (peak RSS on the bench's 10,000-document bundle 56 MiB with huge pages, 36 MiB
/// without; no measurable time, BENCHMARKS.md). mimalloc's own option is read when it starts,
/// before `main`, so this sets what that option sets: the process's THP-disable flag, which
/// the kernel checks at each page fault. Programs that declared checks start inherit it.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag of this process;
        // on a kernel without it the call fails and nothing changes.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
}

fn main() -> ExitCode {
    return_freed_memory_soon();
    no_transparent_huge_pages();
    // The hook only records: a library may catch a panic of a dependency on hostile input and
    // turn it into a finding (valmis-pretest does so around calamine). A panic that reaches
    // `main` is a bug: one message, exit code 3, no trace.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{location}: {message}"));
        }
    }));
    match std::panic::catch_unwind(cli::run) {
        Ok(code) => ExitCode::from(code),
        Err(_) => {
            let detail = LAST_PANIC.lock().ok().and_then(|mut last| last.take()).unwrap_or_default();
            terminal::say_err!("{}", lang::tr!("cli-internal-error", detail = detail));
            terminal::say_err!("{}", lang::tr!("cli-internal-error-report"));
            ExitCode::from(exit::INTERNAL)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set_and_the_environment_still_wins() {
        // SAFETY: reads an option; mimalloc's options may be read from any thread.
        let get = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        match std::env::var("MIMALLOC_PURGE_DELAY") {
            Ok(value) => {
                return_freed_memory_soon();
                assert_eq!(get().to_string(), value, "the environment's value is kept");
            }
            Err(_) => {
                // mimalloc 3's default purge delay is 1000 ms and no other option defaults to
                // 1000: index 15 is `mi_option_purge_delay`.
                assert_eq!(get(), 1000);
                return_freed_memory_soon();
                assert_eq!(get(), 10);
            }
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn transparent_huge_pages_are_off_unless_the_environment_allows_them() {
        // SAFETY: PR_GET_THP_DISABLE reads this process's flag.
        let disabled = || unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        let before = disabled();
        no_transparent_huge_pages();
        match std::env::var_os("MIMALLOC_ALLOW_THP") {
            Some(_) => assert_eq!(disabled(), before, "the environment's choice is kept"),
            None => assert_eq!(disabled(), 1),
        }
    }
}
