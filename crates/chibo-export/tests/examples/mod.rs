//! Three realistic official documents of a chi bộ, shared by the tests and the bench:
//! minutes of a regular meeting (about three pages, with a table of 25 members), a sign-in
//! sheet and a meeting notice.

#![allow(dead_code)]

use chibo_export::{Block, Column, OfficialDocument, Run, Signature, Table};
use chrono::NaiveDate;

/// The 25 members of the chi bộ: (name, official or probationary, present or reason absent).
pub const MEMBERS: [(&str, &str, &str); 25] = [
    ("Hoàng Văn Chiến", "Chính thức", "Có mặt"),
    ("Lường Thị Hạnh", "Chính thức", "Có mặt"),
    ("Nguyễn Thị Tư", "Chính thức", "Có mặt"),
    ("Quàng Văn Ư", "Chính thức", "Có mặt"),
    ("Lục Thị Ếch", "Dự bị", "Có mặt"),
    ("Đặng Quốc Khánh", "Chính thức", "Có mặt"),
    ("Bùi Thị Nguyệt", "Chính thức", "Vắng: đi công tác"),
    ("Phạm Đức Thưởng", "Chính thức", "Có mặt"),
    ("Vũ Thị Ánh Tuyết", "Chính thức", "Có mặt"),
    ("Lò Văn Ủy", "Chính thức", "Có mặt"),
    ("Trần Thị Ngọc Ẩn", "Chính thức", "Có mặt"),
    ("Đỗ Văn Hưởng", "Chính thức", "Vắng: ốm"),
    ("Hà Thị Yến", "Dự bị", "Có mặt"),
    ("Cầm Văn Ỏn", "Chính thức", "Có mặt"),
    ("Lê Thị Mỹ Dung", "Chính thức", "Có mặt"),
    ("Tòng Văn Ơn", "Chính thức", "Có mặt"),
    ("Mùa A Dính", "Chính thức", "Có mặt"),
    ("Giàng Thị Sủa", "Chính thức", "Có mặt"),
    ("Nông Văn Quỳnh", "Chính thức", "Có mặt"),
    ("Triệu Thị Hữu", "Chính thức", "Vắng không lý do"),
    ("Sầm Văn Đức", "Chính thức", "Có mặt"),
    ("Ngô Thị Thủy", "Chính thức", "Có mặt"),
    ("Phùng Văn Giỏi", "Chính thức", "Có mặt"),
    ("Khổng Thị Ỷ", "Chính thức", "Có mặt"),
    ("Vi Văn Ựa", "Chính thức", "Có mặt"),
];

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn base(title: &str, number: Option<&str>, summary: Option<&str>) -> OfficialDocument {
    OfficialDocument {
        superior: "Đảng bộ xã Tân Thành".into(),
        organisation: "Chi bộ thôn Bản Chắt".into(),
        number: number.map(Into::into),
        place: "Tân Thành".into(),
        date: date(2026, 2, 5),
        title: title.into(),
        summary: summary.map(Into::into),
        body: vec![],
        signatures: vec![],
    }
}

fn p(text: &str) -> Block {
    Block::text(text)
}

/// "BIÊN BẢN" of a regular monthly meeting: about three pages.
pub fn minutes() -> OfficialDocument {
    let mut doc = base(
        "Biên bản",
        Some("03-BB/CB"),
        Some("Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"),
    );
    let attendance = Table {
        columns: vec![
            Column::new("STT", 8, true),
            Column::new("Họ và tên", 42, false),
            Column::new("Đảng viên", 20, true),
            Column::new("Tình hình dự họp", 30, false),
        ],
        rows: MEMBERS
            .iter()
            .enumerate()
            .map(|(i, (name, kind, presence))| {
                vec![
                    (i + 1).to_string(),
                    (*name).to_owned(),
                    (*kind).to_owned(),
                    (*presence).to_owned(),
                ]
            })
            .collect(),
        min_row_height_mm: None,
    };
    doc.body = vec![
        Block::heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"),
        Block::paragraph(vec![
            Run::bold("Thời gian: "),
            Run::plain("bắt đầu lúc 19 giờ 30 phút, ngày 05 tháng 02 năm 2026."),
        ]),
        Block::paragraph(vec![
            Run::bold("Địa điểm: "),
            Run::plain("Nhà văn hóa thôn Bản Chắt, xã Tân Thành."),
        ]),
        p("Tổng số đảng viên của chi bộ: 25 đồng chí (chính thức: 23, dự bị: 2); miễn sinh hoạt: 0; \
           đảng viên sinh hoạt tạm thời: 0. Có mặt: 22 đồng chí (chính thức: 20, dự bị: 2). \
           Vắng mặt: 3 đồng chí, trong đó có lý do 2 đồng chí (Bùi Thị Nguyệt – đi công tác; \
           Đỗ Văn Hưởng – ốm), không có lý do 1 đồng chí (Triệu Thị Hữu)."),
        Block::paragraph(vec![
            Run::bold("Khách mời: "),
            Run::plain("đồng chí Đinh Xuân Trường, Đảng ủy viên, phụ trách địa bàn thôn."),
        ]),
        Block::paragraph(vec![
            Run::bold("Chủ trì: "),
            Run::plain("đồng chí Hoàng Văn Chiến, Bí thư chi bộ. "),
            Run::bold("Thư ký: "),
            Run::plain("đồng chí Lường Thị Hạnh, Phó Bí thư chi bộ."),
        ]),
        Block::Table(attendance),
        Block::heading("II. NỘI DUNG SINH HOẠT"),
        p("Đồng chí chủ trì thông qua chương trình sinh hoạt, chi bộ nhất trí 100%. Chương trình gồm:"),
        Block::Numbered {
            items: vec![
                vec![Run::plain("Đánh giá kết quả thực hiện nhiệm vụ tháng 01 năm 2026.")],
                vec![Run::plain("Phương hướng, nhiệm vụ tháng 02 năm 2026.")],
                vec![
                    Run::plain("Chuyên đề: "),
                    Run::italic("\"Nâng cao chất lượng sinh hoạt chi bộ ở thôn, bản\"."),
                ],
                vec![Run::plain("Xét đề nghị công nhận đảng viên chính thức cho đồng chí Lục Thị Ếch.")],
            ],
        },
        Block::heading("1. Đánh giá kết quả thực hiện nhiệm vụ tháng 01 năm 2026"),
        p("Đồng chí Lường Thị Hạnh, Phó Bí thư chi bộ, báo cáo kết quả lãnh đạo thực hiện nhiệm vụ \
           chính trị tháng 01: công tác vận động nhân dân tham gia xây dựng nông thôn mới đạt kết quả \
           tốt; thôn đã hoàn thành 1,2 km đường bê tông nội đồng, nhân dân hiến 850 m² đất; tỷ lệ hộ \
           nộp quỹ đạt 96,5%. Công tác bảo vệ rừng được duy trì, không để xảy ra cháy rừng. Tình hình \
           an ninh trật tự ổn định, không có vụ việc phức tạp."),
        p("Tồn tại, hạn chế: việc thu quỹ ở một số hộ còn chậm; một số đảng viên chưa tham gia đầy đủ \
           các buổi sinh hoạt; việc ghi chép sổ sách của chi bộ có lúc chưa kịp thời."),
        Block::paragraph(vec![Run::bold("Ý kiến thảo luận:")]),
        Block::paragraph(vec![
            Run::bold("Đồng chí Quàng Văn Ư: "),
            Run::plain("nhất trí với báo cáo; đề nghị chi bộ phân công đảng viên phụ trách từng cụm hộ \
                        để vận động thu quỹ, phấn đấu hoàn thành trước ngày 28 tháng 02 năm 2026."),
        ]),
        Block::paragraph(vec![
            Run::bold("Đồng chí Nguyễn Thị Tư: "),
            Run::plain("đề nghị bổ sung vào báo cáo kết quả phong trào phụ nữ giúp nhau phát triển kinh tế; \
                        đã có 12 hộ được vay vốn phát triển chăn nuôi, trồng quế."),
        ]),
        Block::paragraph(vec![
            Run::bold("Đồng chí Lò Văn Ủy: "),
            Run::plain("đề nghị chi bộ quan tâm hơn đến công tác phòng chống dịch bệnh cho gia súc trong \
                        mùa rét đậm, rét hại; hướng dẫn nhân dân che chắn chuồng trại, dự trữ thức ăn."),
        ]),
        Block::paragraph(vec![
            Run::bold("Đồng chí Đặng Quốc Khánh: "),
            Run::plain("phản ánh tình trạng một số thanh niên đi làm ăn xa chưa khai báo tạm vắng; đề nghị \
                        tổ an ninh thôn phối hợp với gia đình rà soát, cập nhật."),
        ]),
        Block::paragraph(vec![
            Run::bold("Kết luận: "),
            Run::plain("chi bộ thống nhất đánh giá tháng 01 năm 2026 chi bộ hoàn thành tốt nhiệm vụ; tiếp thu \
                        các ý kiến đóng góp để bổ sung vào báo cáo."),
        ]),
        Block::heading("2. Phương hướng, nhiệm vụ tháng 02 năm 2026"),
        p("Tiếp tục lãnh đạo nhân dân tổ chức đón Tết Nguyên đán Bính Ngọ vui tươi, lành mạnh, an toàn, \
           tiết kiệm; thực hiện tốt công tác đền ơn đáp nghĩa, thăm hỏi, tặng quà các gia đình chính sách, \
           hộ nghèo, người cao tuổi. Chỉ đạo gieo cấy vụ xuân đúng khung thời vụ, bảo đảm đủ nước tưới, \
           giống và vật tư nông nghiệp."),
        p("Đẩy mạnh tuyên truyền, vận động nhân dân thực hiện nếp sống văn minh, không đốt pháo, không \
           tổ chức đánh bạc dưới mọi hình thức; phối hợp với lực lượng công an xã giữ gìn an ninh trật tự \
           trên địa bàn thôn trước, trong và sau Tết."),
        Block::paragraph(vec![
            Run::bold("Phân công: "),
            Run::plain("đồng chí Phạm Đức Thưởng phụ trách vận động thu quỹ cụm 1 (hạn 28/02/2026); đồng chí \
                        Vũ Thị Ánh Tuyết phụ trách cụm 2 (hạn 28/02/2026); đồng chí Cầm Văn Ỏn phối hợp với \
                        tổ an ninh rà soát tạm vắng (hạn 15/02/2026)."),
        ]),
        Block::heading("3. Sinh hoạt chuyên đề"),
        p("Đồng chí Hoàng Văn Chiến trình bày chuyên đề \"Nâng cao chất lượng sinh hoạt chi bộ ở thôn, bản\". \
           Chi bộ thảo luận sôi nổi; các đồng chí Hà Thị Yến, Tòng Văn Ơn, Mùa A Dính, Giàng Thị Sủa phát \
           biểu, đề nghị mỗi kỳ sinh hoạt chọn một vấn đề cụ thể của thôn để bàn, tránh hình thức; đảng viên \
           chuẩn bị ý kiến trước khi họp."),
        Block::heading("4. Xét đề nghị công nhận đảng viên chính thức"),
        p("Đồng chí Lục Thị Ếch đọc bản tự kiểm điểm trong thời gian dự bị. Đồng chí Nông Văn Quỳnh, đảng viên \
           được phân công giúp đỡ, báo cáo nhận xét. Ý kiến của đoàn thể và chi ủy nhất trí đề nghị."),
        Block::paragraph(vec![
            Run::bold("Biểu quyết: "),
            Run::plain("tán thành 20/23 đảng viên chính thức (86,96%); không tán thành 0; ý kiến khác 0; \
                        vắng 3. Chi bộ đề nghị Đảng ủy xã xem xét, công nhận đảng viên chính thức cho đồng chí \
                        Lục Thị Ếch."),
        ]),
        Block::heading("III. KẾT LUẬN"),
        p("Đồng chí chủ trì kết luận các nội dung trên. Chất lượng buổi sinh hoạt: chi bộ tự đánh giá đạt loại \
           tốt. Biên bản đã được thông qua trước chi bộ; chi bộ nhất trí 100% (22/22 đồng chí có mặt)."),
        p("Buổi sinh hoạt kết thúc lúc 21 giờ 45 phút cùng ngày (thời gian sinh hoạt: 135 phút)."),
    ];
    doc.signatures = vec![
        Signature::new(["Thư ký"], "Lường Thị Hạnh"),
        Signature::new(["Chủ trì"], "Hoàng Văn Chiến"),
    ];
    doc
}

/// "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT": a sign-in sheet with room to sign.
pub fn sign_in_sheet() -> OfficialDocument {
    let mut doc = base(
        "Danh sách đảng viên dự sinh hoạt",
        None,
        Some("Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"),
    );
    doc.body = vec![
        Block::Table(Table {
            columns: vec![
                Column::new("STT", 8, true),
                Column::new("Họ và tên", 42, false),
                Column::new("Ghi chú", 25, false),
                Column::new("Ký tên", 25, false),
            ],
            rows: MEMBERS
                .iter()
                .enumerate()
                .map(|(i, (name, kind, _))| {
                    let note = if *kind == "Dự bị" {
                        "Dự bị"
                    } else {
                        ""
                    };
                    vec![
                        (i + 1).to_string(),
                        (*name).to_owned(),
                        note.to_owned(),
                        String::new(),
                    ]
                })
                .collect(),
            min_row_height_mm: Some(10),
        }),
        p("Tổng số: 25 đồng chí; có mặt: ..... đồng chí; vắng mặt: ..... đồng chí."),
    ];
    doc.signatures = vec![Signature::new(["Thư ký"], "Lường Thị Hạnh")];
    doc
}

/// "THÔNG BÁO" of a meeting, with the agenda as a numbered list.
pub fn notice() -> OfficialDocument {
    let mut doc = base(
        "Thông báo",
        Some("05-TB/CB"),
        Some("Về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"),
    );
    doc.date = date(2026, 2, 25);
    doc.body = vec![
        p("Chi bộ thôn Bản Chắt thông báo tới toàn thể đảng viên trong chi bộ về việc tổ chức sinh hoạt \
           chi bộ thường kỳ tháng 3 năm 2026 như sau:"),
        Block::paragraph(vec![
            Run::bold("1. Thời gian: "),
            Run::plain("19 giờ 30 phút, ngày 05 tháng 3 năm 2026."),
        ]),
        Block::paragraph(vec![
            Run::bold("2. Địa điểm: "),
            Run::plain("Nhà văn hóa thôn Bản Chắt."),
        ]),
        Block::paragraph(vec![Run::bold("3. Nội dung:")]),
        Block::Numbered {
            items: vec![
                vec![Run::plain("Đánh giá kết quả thực hiện nhiệm vụ tháng 02 năm 2026.")],
                vec![Run::plain("Phương hướng, nhiệm vụ tháng 3 năm 2026.")],
                vec![Run::plain("Sinh hoạt chuyên đề về công tác bảo vệ rừng mùa khô.")],
                vec![Run::plain("Các nội dung khác.")],
            ],
        },
        p("Đề nghị các đồng chí đảng viên sắp xếp công việc, dự họp đầy đủ, đúng giờ. Trường hợp vắng mặt \
           phải báo cáo bí thư chi bộ và nêu rõ lý do."),
    ];
    doc.signatures = vec![Signature::new(["T/M Chi bộ", "Bí thư"], "Hoàng Văn Chiến")];
    doc
}

/// A title made of every character Typst markup treats specially.
pub const HOSTILE_TITLE: &str =
    r#"Biên bản #set text(red) *đậm* _nghiêng_ $x^2$ [a] \ "q" <nhãn> @ref // ghi chú"#;

/// `doc` with every text of its body changed (prefixed with `n`), so that no typeset
/// paragraph of an earlier compile can be reused: a fair "another document" for timings.
pub fn variant(doc: &OfficialDocument, n: usize) -> OfficialDocument {
    let mut doc = doc.clone();
    let mark = |text: &mut String| *text = format!("({n}) {text}");
    for block in &mut doc.body {
        match block {
            Block::Heading { text } => mark(text),
            Block::Paragraph { runs } => runs.iter_mut().for_each(|r| mark(&mut r.text)),
            Block::Numbered { items } => items.iter_mut().flatten().for_each(|r| mark(&mut r.text)),
            Block::Table(table) => table.rows.iter_mut().flatten().for_each(mark),
        }
    }
    doc
}
