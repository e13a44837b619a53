//! Who is what on a given date: each member's standing, the roster counts, and who is
//! eligible for a meeting (official and probationary counted apart, exempted listed apart,
//! sent-away and departed members excluded, members attached here included).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::member::Member;
use crate::status::{off_roll_spans, returned_on, MemberStatus, StatusKind};

/// A member's standing in the branch on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "status")]
pub enum Standing {
    /// Not (yet) on this branch's roll: before admission, before transferring in, outside a
    /// temporary attachment.
    NotOnRoll,
    Official,
    Probationary,
    /// On the roll, exempted from party work and meetings.
    Exempted,
    /// On the roll, attending temporarily elsewhere.
    SentAway,
    /// Transferred out, deceased, removed or expelled.
    Left(StatusKind),
}

impl Standing {
    pub fn label(self) -> &'static str {
        match self {
            Standing::NotOnRoll => "Chưa thuộc chi bộ",
            Standing::Official => "Chính thức",
            Standing::Probationary => "Dự bị",
            Standing::Exempted => "Miễn sinh hoạt",
            Standing::SentAway => "Sinh hoạt tạm thời nơi khác",
            Standing::Left(kind) => kind.label(),
        }
    }

    /// Counted in the branch's total ("tổng số đảng viên").
    pub fn on_roll(self) -> bool {
        matches!(
            self,
            Standing::Official | Standing::Probationary | Standing::Exempted | Standing::SentAway
        )
    }
}

/// The two dates of a member's record that decide official or probationary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MembershipDates {
    pub admitted_on: NaiveDate,
    pub official_on: Option<NaiveDate>,
}

impl From<&Member> for MembershipDates {
    fn from(member: &Member) -> Self {
        Self {
            admitted_on: member.admitted_on,
            official_on: member.official_on,
        }
    }
}

/// The earliest day from which an edit of the two dates changes who the member was (either
/// date, before or after the edit), or `None` when neither changed: the meetings from then on
/// are the ones the edit may reach.
pub fn earliest_membership_change(
    before: MembershipDates,
    after: MembershipDates,
) -> Option<NaiveDate> {
    let mut changed = Vec::new();
    if before.admitted_on != after.admitted_on {
        changed.extend([before.admitted_on, after.admitted_on]);
    }
    if before.official_on != after.official_on {
        changed.extend(before.official_on.into_iter().chain(after.official_on));
    }
    changed.into_iter().min()
}

/// The member's standing on `date`, from their admission and official dates and statuses.
pub fn standing_on(
    member: impl Into<MembershipDates>,
    statuses: &[MemberStatus],
    date: NaiveDate,
) -> Standing {
    let member = member.into();
    if let Some(span) = off_roll_spans(statuses)
        .into_iter()
        .find(|span| span.covers(date))
    {
        return Standing::Left(span.kind);
    }
    let back_on = returned_on(statuses, date);
    let holds = |kind: StatusKind| {
        statuses
            .iter()
            .any(|s| s.kind == kind && s.covers(date) && back_on.is_none_or(|back| s.start >= back))
    };
    let first_transfer = statuses
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                StatusKind::TransferredIn | StatusKind::TransferredOut
            )
        })
        .min_by_key(|s| s.start);
    let arrived_by_transfer = first_transfer.filter(|s| s.kind == StatusKind::TransferredIn);
    let before_arrival = arrived_by_transfer.is_some_and(|arrival| date < arrival.start);
    let attached_only = statuses.iter().any(|s| s.kind == StatusKind::AttachedHere)
        && !statuses.iter().any(|s| s.kind == StatusKind::TransferredIn);
    if date < member.admitted_on
        || before_arrival
        || (attached_only && !holds(StatusKind::AttachedHere))
    {
        return Standing::NotOnRoll;
    }
    if holds(StatusKind::SentAway) {
        return Standing::SentAway;
    }
    if holds(StatusKind::Exempted) {
        return Standing::Exempted;
    }
    match member.official_on {
        Some(official) if official <= date => Standing::Official,
        _ => Standing::Probationary,
    }
}

/// The roster's figures on one date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RosterCounts {
    /// Everyone on the roll: official + probationary + exempted + sent away.
    pub total: u32,
    pub official: u32,
    pub probationary: u32,
    pub exempted: u32,
    pub sent_away: u32,
    /// Of the official and probationary, those attached here temporarily.
    pub attached_here: u32,
}

impl RosterCounts {
    pub fn add(&mut self, standing: Standing, attached_here: bool) {
        match standing {
            Standing::Official => self.official += 1,
            Standing::Probationary => self.probationary += 1,
            Standing::Exempted => self.exempted += 1,
            Standing::SentAway => self.sent_away += 1,
            Standing::NotOnRoll | Standing::Left(_) => return,
        }
        self.total += 1;
        if attached_here && matches!(standing, Standing::Official | Standing::Probationary) {
            self.attached_here += 1;
        }
    }
}

/// One line of the roster on a date: the member and their standing that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterEntry {
    pub member: Member,
    pub standing: Standing,
    /// Attached here temporarily from another branch.
    pub attached_here: bool,
}

/// Whether the member is attached here temporarily on `date`.
pub fn attached_on(statuses: &[MemberStatus], date: NaiveDate) -> bool {
    statuses
        .iter()
        .any(|s| s.kind == StatusKind::AttachedHere && s.covers(date))
}

/// Who is summoned to a meeting on a date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Eligibility {
    #[ts(type = "number[]")]
    pub official: Vec<i64>,
    #[ts(type = "number[]")]
    pub probationary: Vec<i64>,
    /// Exempted members: not summoned, listed apart; they count if they attend.
    #[ts(type = "number[]")]
    pub exempted: Vec<i64>,
    /// Those of the exempted who are still probationary: they never vote.
    #[ts(type = "number[]")]
    pub exempted_probationary: Vec<i64>,
    /// Members attending temporarily elsewhere: not summoned; they may be marked as
    /// attending if they come, and count in no figure of the vote.
    #[ts(type = "number[]")]
    pub sent_away: Vec<i64>,
}

/// Sorts each member into the eligibility lists for a meeting on `date`, in input order.
pub fn eligible_on<'a>(
    members: impl IntoIterator<Item = (&'a Member, &'a [MemberStatus])>,
    date: NaiveDate,
) -> Eligibility {
    let mut eligibility = Eligibility::default();
    for (member, statuses) in members {
        match standing_on(member, statuses, date) {
            Standing::Official => eligibility.official.push(member.id),
            Standing::Probationary => eligibility.probationary.push(member.id),
            Standing::Exempted => {
                eligibility.exempted.push(member.id);
                if member.official_on.is_none_or(|official| official > date) {
                    eligibility.exempted_probationary.push(member.id);
                }
            }
            Standing::SentAway => eligibility.sent_away.push(member.id),
            Standing::NotOnRoll | Standing::Left(_) => {}
        }
    }
    eligibility
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::member::{Member, Role};
    use crate::name::NameParts;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn member(id: i64, admitted: NaiveDate, official: Option<NaiveDate>) -> Member {
        Member {
            id,
            branch_id: 1,
            full_name: "Nguyễn Văn A".into(),
            name_parts: NameParts::split("Nguyễn Văn A"),
            gender: None,
            birth_date: None,
            hometown: String::new(),
            ethnicity: String::new(),
            card_number: String::new(),
            admitted_on: admitted,
            official_on: official,
            official_reference: String::new(),
            role: Role::Member,
            post: String::new(),
            phone: String::new(),
            notes: String::new(),
        }
    }

    pub(crate) fn status(
        kind: StatusKind,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> MemberStatus {
        MemberStatus {
            id: 0,
            member_id: 1,
            kind,
            start,
            end,
            reference: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn probation_ending_the_day_before_makes_the_member_official() {
        let m = member(1, d(2025, 3, 5), Some(d(2026, 3, 5)));
        assert_eq!(standing_on(&m, &[], d(2026, 3, 4)), Standing::Probationary);
        assert_eq!(standing_on(&m, &[], d(2026, 3, 5)), Standing::Official);
        assert_eq!(standing_on(&m, &[], d(2025, 3, 4)), Standing::NotOnRoll);
    }

    #[test]
    fn an_exemption_starting_on_the_meeting_day_applies_that_day() {
        let m = member(1, d(1980, 1, 1), Some(d(1981, 1, 1)));
        let statuses = [status(StatusKind::Exempted, d(2026, 2, 5), None)];
        assert_eq!(
            standing_on(&m, &statuses, d(2026, 2, 4)),
            Standing::Official
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2026, 2, 5)),
            Standing::Exempted
        );
    }

    #[test]
    fn transfers_bound_the_time_on_the_roll() {
        let m = member(1, d(1990, 1, 1), Some(d(1991, 1, 1)));
        let statuses = [
            status(StatusKind::TransferredIn, d(2010, 6, 1), None),
            status(StatusKind::TransferredOut, d(2025, 9, 1), None),
        ];
        assert_eq!(
            standing_on(&m, &statuses, d(2010, 5, 31)),
            Standing::NotOnRoll
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2010, 6, 1)),
            Standing::Official
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2025, 9, 1)),
            Standing::Left(StatusKind::TransferredOut)
        );
    }

    #[test]
    fn an_edit_reaches_back_to_the_earliest_date_it_touches() {
        let dates = |admitted_on, official_on| MembershipDates {
            admitted_on,
            official_on,
        };
        let before = dates(d(2010, 5, 19), Some(d(2011, 5, 19)));
        assert_eq!(earliest_membership_change(before, before), None);
        assert_eq!(
            earliest_membership_change(before, dates(d(2009, 1, 1), Some(d(2011, 5, 19)))),
            Some(d(2009, 1, 1))
        );
        assert_eq!(
            earliest_membership_change(before, dates(d(2010, 5, 19), Some(d(2011, 6, 1)))),
            Some(d(2011, 5, 19))
        );
        assert_eq!(
            earliest_membership_change(before, dates(d(2010, 5, 19), None)),
            Some(d(2011, 5, 19))
        );
        assert_eq!(
            earliest_membership_change(
                dates(d(2010, 5, 19), None),
                dates(d(2010, 5, 19), Some(d(2011, 1, 2)))
            ),
            Some(d(2011, 1, 2))
        );
        assert_eq!(
            earliest_membership_change(before, dates(d(2012, 1, 1), Some(d(2013, 1, 1)))),
            Some(d(2010, 5, 19))
        );
    }

    #[test]
    fn a_member_back_after_a_transfer_out_is_on_the_roll_again_without_old_periods() {
        let m = member(1, d(1990, 1, 1), Some(d(1991, 1, 1)));
        let statuses = [
            status(StatusKind::Exempted, d(2016, 1, 1), None),
            status(StatusKind::TransferredOut, d(2018, 3, 1), None),
            status(StatusKind::TransferredIn, d(2022, 5, 1), None),
        ];
        assert_eq!(
            standing_on(&m, &statuses, d(2010, 1, 1)),
            Standing::Official
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2017, 1, 1)),
            Standing::Exempted
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2022, 4, 30)),
            Standing::Left(StatusKind::TransferredOut)
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2022, 5, 1)),
            Standing::Official
        );
    }

    #[test]
    fn a_temporarily_attached_member_counts_only_during_the_attachment() {
        let m = member(1, d(2000, 1, 1), Some(d(2001, 1, 1)));
        let statuses = [status(
            StatusKind::AttachedHere,
            d(2026, 1, 1),
            Some(d(2026, 6, 30)),
        )];
        assert_eq!(
            standing_on(&m, &statuses, d(2025, 12, 31)),
            Standing::NotOnRoll
        );
        assert_eq!(
            standing_on(&m, &statuses, d(2026, 3, 1)),
            Standing::Official
        );
        assert!(attached_on(&statuses, d(2026, 3, 1)));
        assert_eq!(
            standing_on(&m, &statuses, d(2026, 7, 1)),
            Standing::NotOnRoll
        );
    }

    #[test]
    fn eligibility_excludes_sent_away_and_lists_exempted_apart() {
        let official = member(1, d(1990, 1, 1), Some(d(1991, 1, 1)));
        let probationary = member(2, d(2026, 1, 10), None);
        let exempted = member(3, d(1960, 1, 1), Some(d(1961, 1, 1)));
        let away = member(4, d(1990, 1, 1), Some(d(1991, 1, 1)));
        let dead = member(5, d(1950, 1, 1), Some(d(1951, 1, 1)));
        let ex = [status(StatusKind::Exempted, d(2020, 1, 1), None)];
        let sa = [status(
            StatusKind::SentAway,
            d(2026, 1, 1),
            Some(d(2026, 12, 31)),
        )];
        let de = [status(StatusKind::Deceased, d(2025, 1, 1), None)];
        let rows: Vec<(&Member, &[MemberStatus])> = vec![
            (&official, &[]),
            (&probationary, &[]),
            (&exempted, &ex),
            (&away, &sa),
            (&dead, &de),
        ];
        let e = eligible_on(rows.clone(), d(2026, 3, 5));
        assert_eq!(e.official, vec![1]);
        assert_eq!(e.probationary, vec![2]);
        assert_eq!(e.exempted, vec![3]);
        assert!(e.exempted_probationary.is_empty());
        assert_eq!(e.sent_away, vec![4]);
        // Exempted while still probationary: listed apart, and among those who never vote.
        let exempted_probationary = member(6, d(2026, 1, 10), None);
        let e = eligible_on([(&exempted_probationary, &ex[..])], d(2026, 3, 5));
        assert_eq!((e.exempted, e.exempted_probationary), (vec![6], vec![6]));

        let mut counts = RosterCounts::default();
        for (m, s) in rows {
            counts.add(
                standing_on(m, s, d(2026, 3, 5)),
                attached_on(s, d(2026, 3, 5)),
            );
        }
        assert_eq!(
            counts,
            RosterCounts {
                total: 4,
                official: 1,
                probationary: 1,
                exempted: 1,
                sent_away: 1,
                attached_here: 0
            }
        );
    }
}
