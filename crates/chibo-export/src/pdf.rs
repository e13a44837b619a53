//! An [`OfficialDocument`] as PDF in the HD 36-HD/VPTW layout, typeset in memory by Typst
//! used as a library: the template `templates/official.typ` is compiled into the binary, the
//! document's data is handed to it as a JSON file (`/data.json`, read with `json(..)`, so
//! user text is only ever a string and can never inject markup), and the only fonts are the
//! four Liberation Serif files bundled in `fonts/`. Nothing is read from disk or fetched:
//! the [`World`] below knows exactly two files and refuses packages.
//!
//! The font book, Typst's standard library and the parsed template are built once per
//! process ([`OnceLock`]); Typst's memoisation cache is trimmed after each compile.
//! Measured on the 2-core dev machine with the 3-page example minutes (`cargo bench -p
//! chibo-export`, machine busy with other builds): release — first PDF of the process 51 ms
//! (fonts, library and template included: the one-off part is small), another document
//! 51–62 ms, the same document again 7 ms (memoised layout); DOCX 1.9 ms. Debug build (deps
//! at opt-level 1): first PDF 70–220 ms, another document 100–160 ms.

use std::sync::OnceLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::official::{layout, Block, OfficialDocument, PrintedHeader, Signature};
use crate::ExportError;

/// The template, kept in the repository and compiled into the binary.
const TEMPLATE: &str = include_str!("../templates/official.typ");

/// Liberation Serif 2.1.5 (SIL OFL 1.1; see `fonts/LICENSE`).
pub(crate) const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

const MAIN_PATH: &str = "/official.typ";
const DATA_PATH: &str = "/data.json";

/// Typst compiles to a PDF with this as its `/Creator`.
const CREATOR: &str = "Sổ tay Chi bộ";

/// What every compile shares: fonts, their book, the standard library, the parsed template.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main_id: FileId,
    data_id: FileId,
    main: Source,
}

static SHARED: OnceLock<Result<Shared, String>> = OnceLock::new();

fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn build_shared() -> Result<Shared, String> {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
        .collect();
    if fonts.len() != FONT_FILES.len() {
        return Err("phông chữ Liberation Serif đi kèm bị hỏng".to_owned());
    }
    let book = FontBook::from_fonts(&fonts);
    let main_id = file_id(MAIN_PATH)?;
    let data_id = file_id(DATA_PATH)?;
    Ok(Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(book),
        fonts,
        main_id,
        data_id,
        main: Source::new(main_id, TEMPLATE.to_owned()),
    })
}

fn shared() -> Result<&'static Shared, ExportError> {
    SHARED
        .get_or_init(build_shared)
        .as_ref()
        .map_err(|e| ExportError::Pdf(e.clone()))
}

/// The Typst world of one compile: the shared template and fonts plus this document's data.
struct OfficialWorld {
    shared: &'static Shared,
    data: Bytes,
}

impl World for OfficialWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main_id {
            Ok(self.shared.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else if id == self.shared.main_id {
            Ok(Bytes::from_string(self.shared.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// No clock: the document's own date is in the data; `datetime.today()` is an error.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

/// The data the template reads, as JSON.
#[derive(Serialize)]
struct TemplateData<'a> {
    header: PrintedHeader,
    layout: LayoutData,
    body: &'a [Block],
    signatures: Vec<SignatureRow<'a>>,
}

#[derive(Serialize)]
struct SignatureRow<'a> {
    left: Option<&'a Signature>,
    right: &'a Signature,
}

#[derive(Serialize)]
struct LayoutData {
    margin_top_mm: u32,
    margin_bottom_mm: u32,
    margin_left_mm: u32,
    margin_right_mm: u32,
    header_left_mm: u32,
    body_pt: u32,
    party_name_pt: u32,
    title_pt: u32,
    table_pt: u32,
    indent_mm: u32,
}

const LAYOUT: LayoutData = LayoutData {
    margin_top_mm: layout::MARGIN_TOP_MM,
    margin_bottom_mm: layout::MARGIN_BOTTOM_MM,
    margin_left_mm: layout::MARGIN_LEFT_MM,
    margin_right_mm: layout::MARGIN_RIGHT_MM,
    header_left_mm: layout::HEADER_LEFT_MM,
    body_pt: layout::BODY_PT,
    party_name_pt: layout::PARTY_NAME_PT,
    title_pt: layout::TITLE_PT,
    table_pt: layout::TABLE_PT,
    indent_mm: layout::INDENT_MM,
};

fn template_data(doc: &OfficialDocument) -> Result<Vec<u8>, ExportError> {
    let data = TemplateData {
        header: doc.printed_header(),
        layout: LAYOUT,
        body: &doc.body,
        signatures: doc
            .signature_rows()
            .into_iter()
            .map(|(left, right)| SignatureRow { left, right })
            .collect(),
    };
    serde_json::to_vec(&data).map_err(|e| ExportError::Pdf(e.to_string()))
}

fn diagnostics(errors: &[SourceDiagnostic]) -> ExportError {
    let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
    ExportError::Pdf(messages.join("; "))
}

/// How many compiles Typst's memoisation cache keeps results for; older entries are evicted
/// so a long-running app does not grow without bound.
const CACHE_MAX_AGE: usize = 10;

/// Renders `doc` as PDF bytes.
pub fn official_pdf(doc: &OfficialDocument) -> Result<Vec<u8>, ExportError> {
    let world = OfficialWorld {
        shared: shared()?,
        data: Bytes::new(template_data(doc)?),
    };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    typst::comemo::evict(CACHE_MAX_AGE);
    let document = compiled.map_err(|errors| diagnostics(errors.as_slice()))?;
    let options = PdfOptions {
        creator: Smart::Custom(Some(CREATOR.to_owned())),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(errors.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::PARTY_NAME_WIDTH_TWIPS;
    use crate::official::PARTY_NAME;

    #[test]
    fn the_bundled_fonts_are_the_four_liberation_serif_styles() {
        let shared = shared().unwrap();
        let names: Vec<String> = shared
            .fonts
            .iter()
            .map(|f| {
                format!(
                    "{} {:?} {:?}",
                    f.info().family,
                    f.info().variant.style,
                    f.info().variant.weight
                )
            })
            .collect();
        assert_eq!(shared.fonts.len(), 4, "{names:?}");
        assert!(
            shared
                .fonts
                .iter()
                .all(|f| f.info().family == "Liberation Serif"),
            "{names:?}"
        );
    }

    fn faces() -> Vec<ttf_parser::Face<'static>> {
        FONT_FILES
            .iter()
            .map(|bytes| ttf_parser::Face::parse(bytes, 0).unwrap())
            .collect()
    }

    #[test]
    fn the_bundled_fonts_cover_vietnamese() {
        let letters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợ\
                       pqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        for (i, face) in faces().iter().enumerate() {
            for c in letters.chars().chain(letters.to_uppercase().chars()) {
                assert!(face.glyph_index(c).is_some(), "font {i} lacks {c}");
            }
        }
    }

    /// Keeps the DOCX rule under "ĐẢNG CỘNG SẢN VIỆT NAM" as long as the text.
    #[test]
    fn the_docx_party_name_width_matches_the_font_metrics() {
        let face = &faces()[1];
        assert!(face.is_bold() && !face.is_italic());
        let units: f64 = PARTY_NAME
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap();
                f64::from(face.glyph_hor_advance(glyph).unwrap())
            })
            .sum();
        let twips =
            units / f64::from(face.units_per_em()) * f64::from(layout::PARTY_NAME_PT) * 20.0;
        assert!(
            (twips - f64::from(PARTY_NAME_WIDTH_TWIPS)).abs() < 10.0,
            "measured {twips:.0} twips"
        );
    }
}
