//! The demo branch offered on first start and by `chibo demo`: realistic data, only into an
//! empty data directory. Each capability adds its own part (`demo_meetings` for meetings).

use chibo_core::branch::{Branch, BranchInput};
use chibo_core::member::{Gender, MemberInput, Role};
use chibo_core::status::{StatusInput, StatusKind};
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::error::{Error, Result};
use crate::store::Store;

fn demo_branch() -> BranchInput {
    BranchInput {
        name: "Chi bộ thôn Bản Chắt".into(),
        parent_name: "Đảng bộ xã Tân Thành".into(),
        place: "Tân Thành".into(),
        term_start: NaiveDate::from_ymd_opt(2025, 8, 1),
        term_end: NaiveDate::from_ymd_opt(2030, 7, 31),
        founded_on: NaiveDate::from_ymd_opt(1976, 3, 26),
    }
}

/// (name, gender, birth year, admission year, role, ethnicity, post)
const DEMO_MEMBERS: &[(&str, Gender, i32, i32, Role, &str, &str)] = &[
    (
        "Hoàng Văn Chiến",
        Gender::Male,
        1968,
        1992,
        Role::Secretary,
        "Tày",
        "Trưởng thôn",
    ),
    (
        "Lường Thị Hạnh",
        Gender::Female,
        1975,
        2001,
        Role::DeputySecretary,
        "Thái",
        "Chi hội trưởng phụ nữ",
    ),
    (
        "Nguyễn Văn Đức",
        Gender::Male,
        1980,
        2006,
        Role::CommitteeMember,
        "Kinh",
        "Giáo viên",
    ),
    (
        "Lò Văn Sáng",
        Gender::Male,
        1985,
        2010,
        Role::Member,
        "Thái",
        "Công an viên",
    ),
    (
        "Hà Thị Lan",
        Gender::Female,
        1979,
        2004,
        Role::Member,
        "Tày",
        "Y tá trạm y tế",
    ),
    (
        "Đinh Công Tráng",
        Gender::Male,
        1972,
        1998,
        Role::Member,
        "Mường",
        "Nông dân",
    ),
    (
        "Trần Thị Bích Ngọc",
        Gender::Female,
        1990,
        2015,
        Role::Member,
        "Kinh",
        "Kế toán hợp tác xã",
    ),
    (
        "Vi Văn Thắng",
        Gender::Male,
        1983,
        2009,
        Role::Member,
        "Tày",
        "Chi hội trưởng nông dân",
    ),
    (
        "Cầm Thị Ánh",
        Gender::Female,
        1988,
        2013,
        Role::Member,
        "Thái",
        "Giáo viên mầm non",
    ),
    (
        "Lê Văn Hùng",
        Gender::Male,
        1965,
        1990,
        Role::Member,
        "Kinh",
        "Cựu chiến binh",
    ),
    (
        "Nông Thị Mai",
        Gender::Female,
        1982,
        2008,
        Role::Member,
        "Tày",
        "Buôn bán",
    ),
    (
        "Phạm Quang Huy",
        Gender::Male,
        1992,
        2017,
        Role::Member,
        "Kinh",
        "Bí thư chi đoàn",
    ),
    (
        "Sầm Văn Ơn",
        Gender::Male,
        1970,
        1996,
        Role::Member,
        "Thái",
        "Nông dân",
    ),
    (
        "Bùi Thị Hằng",
        Gender::Female,
        1986,
        2012,
        Role::Member,
        "Mường",
        "Nhân viên bưu điện",
    ),
    (
        "Triệu Văn An",
        Gender::Male,
        1977,
        2003,
        Role::Member,
        "Dao",
        "Nông dân",
    ),
    (
        "Đỗ Thị Ân",
        Gender::Female,
        1991,
        2018,
        Role::Member,
        "Kinh",
        "Cán bộ văn hóa xã",
    ),
    (
        "Quàng Văn Ư",
        Gender::Male,
        1984,
        2011,
        Role::Member,
        "Thái",
        "Thợ xây",
    ),
    (
        "Vũ Đình Khải",
        Gender::Male,
        1974,
        2000,
        Role::Member,
        "Kinh",
        "Thú y viên",
    ),
    (
        "Lục Thị Ếch",
        Gender::Female,
        1987,
        2014,
        Role::Member,
        "Tày",
        "Nông dân",
    ),
    // Three exempted elders.
    (
        "Hoàng Văn Nhị",
        Gender::Male,
        1941,
        1964,
        Role::Member,
        "Tày",
        "Hưu trí",
    ),
    (
        "Lường Văn Pánh",
        Gender::Male,
        1945,
        1968,
        Role::Member,
        "Thái",
        "Hưu trí",
    ),
    (
        "Nguyễn Thị Tư",
        Gender::Female,
        1948,
        1972,
        Role::Member,
        "Kinh",
        "Hưu trí",
    ),
    // Two probationary members.
    (
        "Lò Thị Thu Hà",
        Gender::Female,
        1999,
        0,
        Role::Member,
        "Thái",
        "Giáo viên tiểu học",
    ),
    (
        "Đinh Văn Đạt",
        Gender::Male,
        2001,
        0,
        Role::Member,
        "Mường",
        "Dân quân",
    ),
    (
        "Vàng A Páo",
        Gender::Male,
        1994,
        2019,
        Role::Member,
        "Mông",
        "Nông dân",
    ),
    // Transferred out last year.
    (
        "Trịnh Minh Tuấn",
        Gender::Male,
        1989,
        2014,
        Role::Member,
        "Kinh",
        "Kỹ sư",
    ),
];

/// The first demo probationer's 12 months end this many days after today: inside the 30-day
/// notice window on every day of the year (a probation ending a month ahead is outside it on
/// the 31st of a month).
const PROBATION_ENDS_IN_DAYS: u64 = 15;

/// The first probationer's 12 months end in 15 days, the second's in about four months.
fn probationer_admitted(index: usize, today: NaiveDate) -> NaiveDate {
    let admitted = if index.is_multiple_of(2) {
        today
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.checked_add_days(Days::new(PROBATION_ENDS_IN_DAYS)))
    } else {
        today.checked_sub_months(Months::new(8))
    };
    admitted.unwrap_or(today)
}

fn demo_member(index: usize, today: NaiveDate) -> MemberInput {
    let (name, gender, born, admitted_year, role, ethnicity, post) = DEMO_MEMBERS[index];
    let day = (index as u32 * 7) % 27 + 1;
    let month = (index as u32 * 5) % 12 + 1;
    let birth_date = NaiveDate::from_ymd_opt(born, month, day);
    let (admitted_on, official_on) = if admitted_year == 0 {
        (probationer_admitted(index, today), None)
    } else {
        let admitted = NaiveDate::from_ymd_opt(admitted_year, (month % 12) + 1, 3 + index as u32);
        let admitted = admitted.unwrap_or(today);
        (admitted, admitted.checked_add_months(Months::new(12)))
    };
    MemberInput {
        full_name: name.into(),
        name_parts: None,
        gender: Some(gender),
        birth_date,
        hometown: "xã Tân Thành".into(),
        ethnicity: ethnicity.into(),
        card_number: format!("{:08}", 93_010_000 + index * 37),
        admitted_on,
        official_on,
        official_reference: String::new(),
        role,
        post: post.into(),
        phone: format!("09{:08}", 12_345_000 + index * 1_111),
        notes: String::new(),
    }
}

fn status(kind: StatusKind, start: NaiveDate, reference: &str) -> StatusInput {
    StatusInput {
        kind,
        start,
        end: None,
        reference: reference.into(),
        note: String::new(),
    }
}

impl Store {
    /// Fills an empty data directory with the demo branch (members and meetings) and
    /// selects it.
    pub fn create_demo(&mut self, today: NaiveDate) -> Result<Branch> {
        let (branch, ids) = self.add_demo_roster(today)?;
        self.add_demo_meetings(branch.id, &ids, today)?;
        Ok(branch)
    }

    /// The demo branch with its members only, selected: what tests of meeting planning
    /// start from.
    pub fn create_demo_roster(&mut self, today: NaiveDate) -> Result<Branch> {
        Ok(self.add_demo_roster(today)?.0)
    }

    fn add_demo_roster(&mut self, today: NaiveDate) -> Result<(Branch, Vec<i64>)> {
        if !self.list_branches()?.is_empty() {
            return Err(Error::Conflict(
                "Dữ liệu mẫu chỉ tạo được khi chưa có chi bộ nào. Dữ liệu hiện có được giữ \
                 nguyên."
                    .into(),
            ));
        }
        let branch = self.create_branch(&demo_branch())?;
        let mut ids = Vec::new();
        for index in 0..DEMO_MEMBERS.len() {
            ids.push(
                self.create_member(branch.id, &demo_member(index, today), today)?
                    .id,
            );
        }
        let year = today.year();
        let date = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
        self.add_status(
            ids[19],
            &status(StatusKind::Exempted, date(2019, 3, 1), "15-QĐ/CB"),
            today,
        )?;
        self.add_status(
            ids[20],
            &status(StatusKind::Exempted, date(2021, 7, 1), "22-QĐ/CB"),
            today,
        )?;
        self.add_status(
            ids[21],
            &status(StatusKind::Exempted, date(year - 1, 1, 2), "31-QĐ/CB"),
            today,
        )?;
        self.add_status(
            ids[25],
            &status(
                StatusKind::TransferredOut,
                date(year - 1, 9, 15),
                "108-QĐ/ĐU",
            ),
            today,
        )?;
        self.select_branch(branch.id)?;
        Ok((branch, ids))
    }
}
