#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The official-document renderers on real files: the DOCX is unzipped and its XML read;
//! the PDF is read back with poppler's `pdftotext` / `pdfinfo` (Debian `poppler-utils`), and
//! page 1 of each example is rendered with `pdftoppm` into `tests/artifacts/` at the
//! workspace root for a person to look at (the DOCX files are saved there too).

mod examples;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use chibo_export::{
    official_docx, official_pdf, Block, Column, OfficialDocument, Run, Signature, Table,
};
use examples::{minutes, notice, sign_in_sheet, variant, HOSTILE_TITLE, MEMBERS};

const HEADER_TEXTS: [&str; 5] = [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG BỘ XÃ TÂN THÀNH",
    "CHI BỘ THÔN BẢN CHẮT",
    "Số 03-BB/CB",
    "ngày 05 tháng 02 năm 2026",
];

// ---- DOCX ---------------------------------------------------------------------------------

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

/// Every `<w:rFonts …/>` element of the XML.
fn run_fonts(xml: &str) -> Vec<&str> {
    xml.match_indices("<w:rFonts")
        .map(|(i, _)| {
            let end = xml[i..].find("/>").unwrap();
            &xml[i..i + end]
        })
        .collect()
}

fn assert_times_new_roman(element: &str) {
    for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
        assert!(
            element.contains(&format!(r#"{slot}="Times New Roman""#)),
            "{slot} is not Times New Roman in {element}"
        );
    }
}

#[test]
fn docx_minutes_has_the_hd36_page_fonts_and_header() {
    let bytes = official_docx(&minutes()).unwrap();
    std::fs::write(artifacts().join("official-minutes.docx"), &bytes).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    let styles = docx_part(&bytes, "word/styles.xml");

    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4"
    );
    for margin in [
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="850""#,
    ] {
        assert!(document.contains(margin), "margin {margin}");
    }
    // Page numbers from page 2: a distinct (empty) first-page header.
    assert!(document.contains("<w:titlePg />"), "title page setting");
    assert!(document.contains(r#"w:type="first""#));

    let doc_fonts = run_fonts(&document);
    assert!(doc_fonts.len() > 100, "every run names its fonts");
    doc_fonts.into_iter().for_each(assert_times_new_roman);
    let default_fonts = run_fonts(&styles);
    assert!(!default_fonts.is_empty(), "document defaults name fonts");
    default_fonts.into_iter().for_each(assert_times_new_roman);
    assert!(styles.contains(r#"<w:sz w:val="28" />"#), "14 pt default");

    for text in HEADER_TEXTS {
        assert!(document.contains(text), "{text}");
    }
    assert!(document.contains("Tân Thành, ngày 05 tháng 02 năm 2026"));
    assert!(document.contains("BIÊN BẢN"));
    assert!(document.contains("Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"));
    // The rule under the party name: a bottom border, and only that.
    assert_eq!(document.matches("<w:pBdr>").count(), 1);
    let rule = &document[document.find("<w:pBdr>").unwrap()..document.find("</w:pBdr>").unwrap()];
    assert!(rule.contains(r#"<w:bottom w:val="single""#), "{rule}");
    for side in ["<w:top", "<w:left", "<w:right"] {
        assert!(!rule.contains(side), "{rule}");
    }
    for (name, _, _) in MEMBERS {
        assert!(document.contains(name), "{name}");
    }
    // Signatures: thư ký left, chủ trì right.
    let thu_ky = document.rfind("THƯ KÝ").unwrap();
    let chu_tri = document.rfind("CHỦ TRÌ").unwrap();
    assert!(thu_ky < chu_tri);
}

#[test]
fn docx_page_numbers_are_a_page_field_in_the_default_header_only() {
    let bytes = official_docx(&minutes()).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    let reference = |kind: &str| -> String {
        let at = document
            .find(&format!(r#"<w:headerReference w:type="{kind}""#))
            .unwrap_or_else(|| panic!("{kind} header"));
        let tail = &document[at..];
        let id_at = tail.find("r:id=\"").unwrap() + 6;
        let id = &tail[id_at..id_at + tail[id_at..].find('"').unwrap()];
        let rel_at = rels.find(&format!(r#"Id="{id}""#)).unwrap();
        let rel = &rels[rel_at..rel_at + rels[rel_at..].find("/>").unwrap()];
        let target_at = rel.find("Target=\"").unwrap() + 8;
        let target = &rel[target_at..target_at + rel[target_at..].find('"').unwrap()];
        docx_part(&bytes, &format!("word/{target}"))
    };
    assert!(reference("default").contains("<w:instrText>PAGE</w:instrText>"));
    assert!(!reference("first").contains("PAGE"));
}

#[test]
fn docx_table_header_rows_repeat_on_each_page() {
    let bytes = official_docx(&sign_in_sheet()).unwrap();
    std::fs::write(artifacts().join("official-sign-in-sheet.docx"), &bytes).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert_eq!(document.matches("<w:tblHeader />").count(), 1);
    for header in ["STT", "Họ và tên", "Ghi chú", "Ký tên"] {
        assert!(document.contains(&format!(">{header}</w:t>")), "{header}");
    }
    assert!(document.contains("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT"));
    // No number given: no "Số" line.
    assert!(!document.contains(">Số "));
    // Room to sign: at least 10 mm rows.
    assert!(document.contains(r#"<w:trHeight w:val="567" w:hRule="atLeast" />"#));
}

#[test]
fn docx_notice_puts_its_only_signature_on_the_right() {
    let bytes = official_docx(&notice()).unwrap();
    std::fs::write(artifacts().join("official-notice.docx"), &bytes).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert!(document.contains("THÔNG BÁO"));
    assert!(document.contains("Số 05-TB/CB"));
    assert!(document.contains("Tân Thành, ngày 25 tháng 02 năm 2026"));
    for n in 1..=4 {
        assert!(document.contains(&format!(">{n}.</w:t>")), "item {n}");
    }
    let sig = document.rfind("<w:tbl>").unwrap();
    let tail = &document[sig..];
    let first_cell_end = tail.find("</w:tc>").unwrap();
    assert!(
        !tail[..first_cell_end].contains("BÍ THƯ"),
        "left cell is empty"
    );
    assert!(tail[first_cell_end..].contains("T/M CHI BỘ"));
    assert!(tail[first_cell_end..].contains("BÍ THƯ"));
    assert!(tail[first_cell_end..].contains("Hoàng Văn Chiến"));
}

#[test]
fn docx_escapes_markup_in_user_text() {
    let mut doc = notice();
    doc.title = HOSTILE_TITLE.to_owned();
    let bytes = official_docx(&doc).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert!(document.contains("&lt;NHÃN&gt;"));
    assert!(!document.contains("<NHÃN>"));
}

// ---- PDF ----------------------------------------------------------------------------------

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("{tool} is missing ({e}): install Debian's poppler-utils to run these tests")
        });
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8", "-", "-"], pdf)
}

fn pdf_pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &["-"], pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

fn artifacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the PDF and a PNG of its first page to `tests/artifacts/` for a person to check.
fn save_first_page(pdf: &[u8], name: &str) {
    let dir = artifacts();
    std::fs::write(dir.join(format!("{name}.pdf")), pdf).unwrap();
    let prefix = dir.join(format!("{name}-page"));
    // Poppler 22 complains about the tagged-PDF `/Suspects false` typst writes; its stderr
    // is shown only when it fails.
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(dir.join(format!("{name}.pdf")))
        .arg(&prefix)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn render(doc: &OfficialDocument) -> Vec<u8> {
    let pdf = official_pdf(doc).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    pdf
}

#[test]
fn pdf_minutes_keeps_every_vietnamese_text_intact() {
    let started = std::time::Instant::now();
    let pdf = render(&minutes());
    let first = started.elapsed();
    let started = std::time::Instant::now();
    render(&variant(&minutes(), 1));
    let other = started.elapsed();
    let started = std::time::Instant::now();
    let again = render(&minutes());
    // Reported, not asserted: timings belong to the bench (`cargo bench -p chibo-export`).
    eprintln!(
        "official_pdf(minutes): first {first:?} (with fonts, library, template), \
         another document {other:?}, the same document again {:?}",
        started.elapsed()
    );
    assert_eq!(pdf, again, "the same document gives the same bytes");

    let text = pdf_text(&pdf);
    for wanted in HEADER_TEXTS {
        assert!(text.contains(wanted), "{wanted} in\n{text}");
    }
    assert!(text.contains("Tân Thành, ngày 05 tháng 02 năm 2026"));
    assert!(text.contains("BIÊN BẢN"));
    assert!(text.contains("Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"));
    assert!(text.contains("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"));
    for (name, _, _) in MEMBERS {
        assert!(text.contains(name), "{name} in\n{text}");
    }
    assert!(text.contains("THƯ KÝ") && text.contains("CHỦ TRÌ"));
    assert!(pdf_pages(&pdf) >= 3, "about three pages");
    save_first_page(&pdf, "official-minutes");
}

#[test]
fn pdf_numbers_pages_from_the_second_on() {
    let pdf = render(&minutes());
    let text = pdf_text(&pdf);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() >= 3);
    let first_line = |page: &str| {
        page.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    assert!(
        first_line(pages[0]).starts_with("ĐẢNG BỘ XÃ TÂN THÀNH"),
        "no number on page 1"
    );
    assert_eq!(first_line(pages[1]), "2");
    assert_eq!(first_line(pages[2]), "3");
}

#[test]
fn pdf_sign_in_sheet_and_notice_render() {
    let sheet = render(&sign_in_sheet());
    let text = pdf_text(&sheet);
    assert!(text.contains("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT"));
    for header in ["STT", "Họ và tên", "Ghi chú", "Ký tên"] {
        assert!(text.contains(header), "{header}");
    }
    for (name, _, _) in MEMBERS {
        assert!(text.contains(name), "{name}");
    }
    assert!(!text.contains("Số "), "no number given");
    // 25 rows of at least 10 mm do not fit one page; the header repeats on page 2.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pdf_pages(&sheet) >= 2);
    assert!(
        pages[1].contains("Họ và tên"),
        "header repeated:\n{}",
        pages[1]
    );
    save_first_page(&sheet, "official-sign-in-sheet");

    let notice_pdf = render(&notice());
    let text = pdf_text(&notice_pdf);
    assert!(text.contains("THÔNG BÁO"));
    assert!(text.contains("Số 05-TB/CB"));
    assert!(text.contains("Tân Thành, ngày 25 tháng 02 năm 2026"));
    assert!(text.contains("1. Đánh giá kết quả"));
    assert!(text.contains("4. Các nội dung khác."));
    assert!(text.contains("T/M CHI BỘ") && text.contains("BÍ THƯ"));
    save_first_page(&notice_pdf, "official-notice");
}

#[test]
fn pdf_prints_markup_characters_in_user_text_literally() {
    let mut doc = notice();
    doc.title = HOSTILE_TITLE.to_owned();
    doc.summary = Some(r#"#panic("x") ] [ \ $ * _ < > " # @"#.to_owned());
    doc.body.push(Block::text(
        r#"#{panic("chèn mã")} *không đậm* `raw` <label> $1 + 1$"#,
    ));
    let pdf = render(&doc);
    let text = pdf_text(&pdf);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = HOSTILE_TITLE.to_uppercase();
    let title_flat: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&title_flat), "{title_flat} in\n{flat}");
    assert!(
        flat.contains(r#"#panic("x") ] [ \ $ * _ < > " # @"#),
        "{flat}"
    );
    assert!(
        flat.contains(r#"#{panic("chèn mã")} *không đậm* `raw` <label> $1 + 1$"#),
        "{flat}"
    );
}

// ---- Edge cases, both renderers ------------------------------------------------------------

fn bare() -> OfficialDocument {
    let mut doc = notice();
    doc.number = None;
    doc.summary = None;
    doc.place = String::new();
    doc.body.clear();
    doc.signatures.clear();
    doc
}

#[test]
fn a_document_with_nothing_but_its_header_renders() {
    let doc = bare();
    let document = docx_part(&official_docx(&doc).unwrap(), "word/document.xml");
    assert!(document.contains("Ngày 25 tháng 02 năm 2026"));
    let text = pdf_text(&render(&doc));
    assert!(text.contains("Ngày 25 tháng 02 năm 2026"));
    assert!(text.contains("THÔNG BÁO"));
}

#[test]
fn line_breaks_in_text_and_empty_tables_or_lists_are_handled() {
    let mut doc = bare();
    doc.body = vec![
        Block::paragraph(vec![Run::plain("dòng một\ndòng hai")]),
        Block::Table(Table {
            columns: vec![],
            rows: vec![vec!["lạc".into()]],
            min_row_height_mm: None,
        }),
        Block::Table(Table {
            columns: vec![Column::new("Họ và tên", 0, false)],
            rows: vec![],
            min_row_height_mm: Some(10),
        }),
        Block::Numbered {
            items: vec![vec![], vec![Run::plain("mục hai")]],
        },
        Block::Numbered { items: vec![] },
    ];
    doc.signatures = vec![Signature::new(Vec::<String>::new(), "")];

    let document = docx_part(&official_docx(&doc).unwrap(), "word/document.xml");
    assert!(
        document.contains(
            r#"dòng một</w:t><w:br w:type="textWrapping" /><w:t xml:space="preserve">dòng hai"#
        ),
        "{document}"
    );
    assert!(
        !document.contains("lạc"),
        "a table without columns is left out"
    );

    let text = pdf_text(&render(&doc));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"dòng một") && lines.contains(&"dòng hai"),
        "{text}"
    );
    assert!(!text.contains("lạc"));
    assert!(
        text.contains("Họ và tên") && text.contains("2. mục hai"),
        "{text}"
    );
}
