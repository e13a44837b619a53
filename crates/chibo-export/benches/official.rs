//! Speed of the official-document renderers on the example minutes (about three pages,
//! 25-member table), release build: `cargo bench -p chibo-export`. Targets: DOCX < 50 ms,
//! PDF < 500 ms. The first PDF of a process also builds the font book, Typst's standard
//! library and parses the template (timed once, printed before the criterion runs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use chibo_export::{official_docx, official_pdf};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

#[path = "../tests/examples/mod.rs"]
mod examples;
use examples::{minutes, sign_in_sheet, variant};

fn official(c: &mut Criterion) {
    let doc = minutes();
    let started = Instant::now();
    let pdf = official_pdf(&doc).unwrap();
    println!(
        "first official_pdf in this process (fonts + library + template + compile): {:?}, {} bytes",
        started.elapsed(),
        pdf.len()
    );
    let started = Instant::now();
    official_pdf(&variant(&doc, 0)).unwrap();
    println!(
        "second official_pdf (another document): {:?}",
        started.elapsed()
    );

    c.bench_function("official_docx: minutes, 3 pages", |b| {
        b.iter(|| black_box(official_docx(black_box(&doc)).unwrap()))
    });
    // Typst memoises layout across compiles: each iteration gets different text so nothing
    // typeset earlier is reused (the worst case); re-exporting the same document is faster.
    let mut n = 0;
    c.bench_function(
        "official_pdf: minutes, 3 pages, each time other text",
        |b| {
            b.iter_batched(
                || {
                    n += 1;
                    variant(&doc, n)
                },
                |doc| black_box(official_pdf(&doc).unwrap()),
                BatchSize::LargeInput,
            )
        },
    );
    c.bench_function(
        "official_pdf: minutes, 3 pages, the same document again",
        |b| b.iter(|| black_box(official_pdf(black_box(&doc)).unwrap())),
    );
    let sheet = sign_in_sheet();
    let mut n = 0;
    c.bench_function(
        "official_pdf: sign-in sheet, 25 rows, each time other text",
        |b| {
            b.iter_batched(
                || {
                    n += 1;
                    variant(&sheet, n)
                },
                |doc| black_box(official_pdf(&doc).unwrap()),
                BatchSize::LargeInput,
            )
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = official
}
criterion_main!(benches);
