//! The timeline's events and the action items: keyed rows whose fields come from the
//! table's row fields, with move, delete (with Undo) and, for the timeline, sorting.

use hindsight_core::fields::{Field, Kind, ACTION_FIELDS, EVENT_FIELDS};
use hindsight_core::session::RowList;
use hindsight_core::{
    import::foreign::typed, time::LocalDateTime, ActionItem, Postmortem, SectionId, Text,
    TimelineEvent, Timestamp, Words,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Control, Spec};
use crate::adapters::platform;
use crate::i18n::{self, Ui};
use crate::state::{Editor, UndoTop};
use crate::ui::focus::focus_after_render;

/// What differs between the lists of rows.
struct RowKind<R: 'static> {
    list: RowList,
    section: SectionId,
    fields: &'static [Field<R>],
    rows: fn(&Postmortem) -> &Vec<R>,
    rows_mut: fn(&mut Postmortem) -> &mut Vec<R>,
    /// "Event {0}".
    name: Words,
    /// Prefix of element ids.
    prefix: &'static str,
    /// Whether a row is past its due date, for the badge.
    overdue: Option<fn(&R, &str) -> bool>,
    /// The rows in an impossible place, for their mark.
    misplaced: Option<fn(&Postmortem) -> Vec<usize>>,
}

static TIMELINE: RowKind<TimelineEvent> = RowKind {
    list: RowList::Timeline,
    section: SectionId::Timeline,
    fields: EVENT_FIELDS,
    rows: |d| &d.timeline,
    rows_mut: |d| &mut d.timeline,
    name: i18n::EVENT_N,
    prefix: "timeline",
    overdue: None,
    misplaced: Some(hindsight_core::review::rows_out_of_order),
};

static ACTIONS: RowKind<ActionItem> = RowKind {
    list: RowList::Actions,
    section: SectionId::ActionItems,
    fields: ACTION_FIELDS,
    rows: |d| &d.action_items,
    rows_mut: |d| &mut d.action_items,
    name: i18n::ACTION_ITEM_N,
    prefix: "action",
    overdue: Some(|a, today| a.is_overdue(today)),
    misplaced: None,
};

/// The id of a row's first control, for the focus when Undo brings the row back.
pub fn first_control_id(list: RowList, key: u32) -> String {
    match list {
        RowList::Timeline => format!("{}-{key}-{}", TIMELINE.prefix, TIMELINE.fields[0].slug),
        RowList::Actions => format!("{}-{key}-{}", ACTIONS.prefix, ACTIONS.fields[0].slug),
        RowList::Entries(field) => {
            format!(
                "{}-{}-{key}-text",
                field.section().slug(),
                field.info().slug
            )
        }
    }
}

/// The draft's time zone, as the timeline's rows follow it.
#[derive(Clone, Copy)]
struct TimelineZone(Memo<String>);

/// The timeline form.
#[component]
pub fn TimelineRows() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let zone = Memo::new(move |_| ed.read(SectionId::Header, |d| d.header.time_zone.clone()));
    // The time boxes follow the zone through this one memo: typing in the title (also in the
    // Header) must not make every time box of a long timeline read the document again.
    provide_context(TimelineZone(zone));
    view! {
        <p class="hint">{move || ui.fill(i18n::TIMELINE_HINT, &[&zone.get()])}</p>
        <Rows kind=&TIMELINE/>
        <div class="actions">
            <AddRow kind=&TIMELINE label=i18n::ADD_EVENT/>
            <button type="button" class="secondary" on:click=move |_| ed.sort_timeline()>
                {ui.t(i18n::SORT_BY_TIME)}
            </button>
        </div>
    }
}

/// The action-items form.
#[component]
pub fn ActionRows() -> impl IntoView {
    view! {
        <Rows kind=&ACTIONS/>
        <div class="actions">
            <AddRow kind=&ACTIONS label=i18n::ADD_ACTION/>
        </div>
    }
}

/// The button that adds a row and puts the focus in it.
#[component]
fn AddRow<R: 'static>(kind: &'static RowKind<R>, label: Words) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let first = kind.fields.first().map_or("", |f| f.slug);
    view! {
        <button type="button" class="secondary" id=format!("{}-add", kind.prefix)
            on:click=move |_| {
                if let Some(key) = ed.add_row(kind.list) {
                    focus_after_render(format!("{}-{key}-{first}", kind.prefix));
                }
            }>{ui.t(label)}</button>
    }
}

#[component]
fn Rows<R: 'static>(kind: &'static RowKind<R>) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let keys = ed.rows().keys(kind.list);
    // One run per change of the section, shared by its rows.
    let misplaced = kind
        .misplaced
        .map(|of| Memo::new(move |_| ed.read(kind.section, of)));
    let compact = kind.list == RowList::Timeline;
    // Lines just pasted as rows, with nothing typed since: Ctrl+Z takes them back, as it
    // would take back a paste into one box.
    let pasted = StoredValue::new(false);
    view! {
        <div class="rows" class:compact=compact on:input=move |_| pasted.set_value(false)>
            <For each=move || keys.get() key=|k| *k let:key>
                <Row kind=kind key=key misplaced=misplaced pasted=pasted/>
            </For>
        </div>
    }
}

/// One row: a group named "Event 2" with its controls and its fields.
#[component]
fn Row<R: 'static>(
    kind: &'static RowKind<R>,
    key: u32,
    misplaced: Option<Memo<Vec<usize>>>,
    pasted: StoredValue<bool>,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let keys = ed.rows().keys(kind.list);
    let index = Memo::new(move |_| keys.with(|k| k.iter().position(|x| *x == key).unwrap_or(0)));
    let name = move || ui.fill(kind.name, &[&(index.get() + 1).to_string()]);
    let row_id = format!("{}-{key}", kind.prefix);
    let overdue = Memo::new(move |_| {
        let Some(is_overdue) = kind.overdue else {
            return false;
        };
        let today = platform::today();
        ed.read(kind.section, |d| {
            (kind.rows)(d)
                .get(index.get())
                .is_some_and(|r| is_overdue(r, &today))
        })
    });
    let out_of_order =
        Memo::new(move |_| misplaced.is_some_and(|m| m.with(|rows| rows.contains(&index.get()))));
    // A timeline row's date box follows its event in the tab order, so Tab goes from the
    // time straight to the event; the layout puts it under the time.
    let mut fields = Vec::new();
    let mut date = None;
    for f in kind.fields {
        let (view, after) = row_field(kind, f, key, index, &row_id);
        fields.push(view);
        fields.extend(date.take());
        date = after;
    }
    fields.extend(date);
    let timeline = kind.list == RowList::Timeline;
    // In the timeline, Enter in an event starts the next row, and lines pasted with their
    // times become rows of their own.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let in_event = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| i.id().ends_with("-event"));
        if timeline && in_event && ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            pasted.set_value(false);
            if let Some(new) = ed.add_event_after(key) {
                focus_after_render(format!("{}-{new}-{}", kind.prefix, kind.fields[0].slug));
            }
        }
        let undo_key = (ev.ctrl_key() || ev.meta_key()) && !ev.shift_key() && ev.key() == "z";
        let pasted_last = ed
            .undo()
            .with_untracked(|u| matches!(u, Some((UndoTop::Pasted(_), _))));
        if undo_key && pasted.get_value() && pasted_last {
            ev.prevent_default();
            pasted.set_value(false);
            let target = match ed.undo_last() {
                Some((list, key)) => first_control_id(list, key),
                None => format!("{}-add", kind.prefix),
            };
            focus_after_render(target);
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        if !timeline {
            return;
        }
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if !text.contains('\n') {
            return;
        }
        let events = ed.peek(|d| {
            let i = index.get_untracked();
            let day = d
                .timeline
                .get(i)
                .and_then(|e| e.time)
                .map(|t| typed::local_day(&t))
                .or_else(|| default_day(d, i));
            let zone = d.header.time_zone.clone();
            typed::pasted_events(&text, day, &zone, &|z, utc| {
                platform::zone_offset_minutes(z, utc)
            })
        });
        if let Some(events) = events {
            ev.prevent_default();
            pasted.set_value(true);
            if let Some(last) = ed.paste_events(key, events).last() {
                focus_after_render(format!("{}-{last}-event", kind.prefix));
            }
        }
    };
    view! {
        <div class="row card" class:overdue=move || overdue.get() class:out-of-order=move || out_of_order.get()
            role="group" aria-label=name on:keydown=on_keydown on:paste=on_paste>
            <div class="row-title">
                <span>{name}</span>
                <Show when=move || overdue.get()>
                    <span class="badge overdue">{ui.t(hindsight_core::report::OVERDUE)}</span>
                </Show>
                <Show when=move || out_of_order.get()>
                    <span class="badge out-of-order">{ui.t(i18n::review::OUT_OF_ORDER)}</span>
                </Show>
                <RowControls list=kind.list key=key row_id=row_id.clone() name=Signal::derive(name)
                    first=kind.fields.first().map_or("", |f| f.slug) add_id=format!("{}-add", kind.prefix)/>
            </div>
            <div class="grid">{fields}</div>
        </div>
    }
}

fn row_field<R: 'static>(
    kind: &'static RowKind<R>,
    f: &'static Field<R>,
    key: u32,
    index: Memo<usize>,
    row_id: &str,
) -> (AnyView, Option<AnyView>) {
    let ed = expect_context::<Editor>();
    let id = format!("{row_id}-{}", f.slug);
    if f.kind == Kind::Time {
        let (time, date) = time_field(ed, f, index, id);
        return (time, Some(date));
    }
    let _ = key;
    let get = Callback::new(move |_: ()| {
        ed.peek(|d| {
            (kind.rows)(d)
                .get(index.get_untracked())
                .map(|r| f.input_value(r))
                .unwrap_or_default()
        })
    });
    let set = Callback::new(move |value: String| {
        let i = index.get_untracked();
        ed.edit(f.id, |d| {
            if let Some(r) = (kind.rows_mut)(d).get_mut(i) {
                f.set_input(r, &value);
            }
        });
    });
    let wide = f.kind == Kind::Line
        && matches!(
            f.id,
            hindsight_core::FieldId::EventText | hindsight_core::FieldId::Action
        );
    let view = view! {
        <Control spec=Spec::of(f) id=id get=get set=set class=if wide { "wide" } else { f.slug }/>
    };
    (view.into_any(), None)
}

/// The time of a timeline row, typed as people type it on the day (`02:05`, `2:05 PM`,
/// `下午2:05`), on the day its date box shows: the row's own, else the row before it's, else
/// the incident's. Stored as an instant in the draft's zone; a wall time skipped by a clock
/// change is moved, and the row says so.
fn time_field<R: 'static>(
    ed: Editor,
    f: &'static Field<R>,
    index: Memo<usize>,
    id: String,
) -> (AnyView, AnyView) {
    let message = RwSignal::new(None::<Text>);
    let zone = move || ed.peek(|d| d.header.time_zone.clone());
    // A date chosen before any time was typed, for the time to fall on.
    let chosen_day = RwSignal::new(None::<(i32, u32, u32)>);
    // Bumped when a time typed with its own date moves the row to another day.
    let day_moved = Trigger::new();
    let day_of = move |d: &Postmortem| {
        let i = index.get_untracked();
        d.timeline
            .get(i)
            .and_then(|e| e.time)
            .map(|t| typed::local_day(&t))
            .or_else(|| chosen_day.get_untracked())
            .or_else(|| default_day(d, i))
    };
    // A new row's time comes after the row above's: 00:10 under 23:50 is the next day.
    let after_of = move |d: &Postmortem| {
        let i = index.get_untracked();
        let own = d.timeline.get(i).and_then(|e| e.time).is_some();
        if own || chosen_day.get_untracked().is_some() {
            return None;
        }
        d.timeline[..i.min(d.timeline.len())]
            .iter()
            .rev()
            .find_map(|e| e.time)
            .map(|t| t.local())
    };
    let base = StoredValue::new(None::<(Option<(i32, u32, u32)>, Option<LocalDateTime>)>);
    let get = Callback::new(move |_: ()| {
        ed.peek(|d| {
            d.timeline
                .get(index.get_untracked())
                .and_then(|e| e.time)
                .map(|t| t.local().time_string())
                .unwrap_or_default()
        })
    });
    let get_date = Callback::new(move |_: ()| {
        ed.peek(|d| day_of(d).map(|(y, m, dd)| format!("{y:04}-{m:02}-{dd:02}")))
            .unwrap_or_default()
    });
    // The boxes show wall times in the draft's zone, so a new zone redraws them.
    let zone_memo = expect_context::<TimelineZone>().0;
    let follow = Callback::new(move |_: ()| zone_memo.track());
    let follow_date = Callback::new(move |_: ()| {
        zone_memo.track();
        day_moved.track();
    });
    let store = move |time: Option<Timestamp>| {
        let i = index.get_untracked();
        ed.edit(f.id, |d| {
            if let Some(e) = d.timeline.get_mut(i) {
                e.time = time;
            }
        });
    };
    let skipped = move |typed: Option<LocalDateTime>, t: Option<Timestamp>, zone: &str| {
        message.set(match (typed, t) {
            (Some(typed), Some(t)) if t.local() != typed => Some(Text::new(
                i18n::SKIPPED_TIME,
                &[&typed.time_string(), zone, &t.local().time_string()],
            )),
            _ => None,
        });
    };
    let set = Callback::new(move |value: String| {
        let zone = zone();
        if value.trim().is_empty() {
            message.set(None);
            store(None);
            return;
        }
        // The day is read once per typing, so that a half-typed `00:1` moving the row past
        // midnight does not move the `23:59` typed over it.
        let (day, after) = base.get_value().unwrap_or_else(|| {
            let b = ed.peek(|d| (day_of(d), after_of(d)));
            base.set_value(Some(b));
            b
        });
        let offset = |z: &str, utc: i64| platform::zone_offset_minutes(z, utc);
        // A half-typed value is not a time yet; keep the last good one.
        if let Some((typed, t)) = typed::typed_time_as_read(&value, day, after, &zone, &offset) {
            skipped(Some(typed), Some(t), &zone);
            store(Some(t));
            if day != Some(typed::local_day(&t)) {
                day_moved.notify();
            }
        }
    });
    // Only a value left behind that is not a time is wrong: a half-typed one is on its way.
    let commit = Callback::new(move |value: String| {
        base.set_value(None);
        let day = ed.peek(day_of);
        let offset = |z: &str, utc: i64| platform::zone_offset_minutes(z, utc);
        if !value.trim().is_empty() && typed::typed_time(&value, day, &zone(), &offset).is_none() {
            message.set(Some(Text::new(i18n::NOT_A_TIME, &[value.trim()])));
        }
    });
    let set_date = Callback::new(move |value: String| {
        let Some(day) = hindsight_core::time::parse_date(&value) else {
            return;
        };
        chosen_day.set(Some(day));
        base.set_value(None);
        let zone = zone();
        let time = ed.peek(|d| d.timeline.get(index.get_untracked()).and_then(|e| e.time));
        if let Some(t) = time {
            // The same clock time on the day chosen.
            let l = t.local();
            let local = LocalDateTime {
                year: day.0,
                month: day.1,
                day: day.2,
                ..l
            };
            let moved =
                Timestamp::from_local(local, |utc| platform::zone_offset_minutes(&zone, utc));
            skipped(Some(local), Some(moved), &zone);
            store(Some(moved));
        }
    });
    let time_spec = Spec {
        kind: Kind::Line,
        placeholder: Some(i18n::TIME_PLACEHOLDER),
        ..Spec::of(f)
    };
    let date_spec = Spec {
        kind: Kind::Date,
        label: i18n::DATE,
        hint: None,
        placeholder: None,
        ..Spec::of(f)
    };
    let date_id = id.replace(f.slug, "date");
    (
        view! {
            <Control spec=time_spec id=id get=get set=set follow=follow message=message class="time"
                commit=commit/>
        }
        .into_any(),
        view! {
            <Control spec=date_spec id=date_id get=get_date set=set_date follow=follow_date class="date"/>
        }
        .into_any(),
    )
}

/// The day a new row's time falls on: the nearest row above with a time, else the
/// incident's date, else today (a timeline written on the day of the incident).
fn default_day(d: &Postmortem, i: usize) -> Option<(i32, u32, u32)> {
    d.timeline[..i.min(d.timeline.len())]
        .iter()
        .rev()
        .find_map(|e| e.time)
        .map(|t| typed::local_day(&t))
        .or_else(|| hindsight_core::time::parse_date(&d.header.incident_date))
        .or_else(|| hindsight_core::time::parse_date(&platform::today()))
}

/// Up, down and delete buttons of one row, named with their row ("Delete event 2").
#[component]
pub fn RowControls(
    /// The row's list.
    list: RowList,
    /// The row's key.
    key: u32,
    /// The row's element id prefix.
    row_id: String,
    /// The row's name with its number: "Event 2".
    #[prop(into)]
    name: Signal<String>,
    /// The slug of the row's first field, for the focus after a delete.
    first: &'static str,
    /// The id of the list's add button, for the focus when no row is left.
    add_id: String,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let keys = ed.rows().keys(list);
    let position = Memo::new(move |_| keys.with(|k| (k.iter().position(|x| *x == key), k.len())));
    let label = move |verb: Words| {
        let row = name.get();
        let row = match ui.lang() {
            hindsight_core::Language::En => row.to_lowercase(),
            hindsight_core::Language::ZhTw => row,
        };
        ui.fill(i18n::ROW_BUTTON, &[verb.get(ui.lang()), &row])
    };
    let prefix = row_id
        .rsplit_once('-')
        .map_or(row_id.clone(), |(p, _)| p.to_owned());
    let moved = move |step: isize, which: &'static str| {
        if ed.move_row(list, key, step) {
            focus_after_render(format!("{prefix}-{key}-{which}"));
        }
    };
    let moved_down = moved.clone();
    let prefix_delete = row_id
        .rsplit_once('-')
        .map_or(row_id.clone(), |(p, _)| p.to_owned());
    view! {
        <div class="row-controls">
            <button type="button" class="icon" id=format!("{row_id}-up") aria-label=move || label(i18n::MOVE_UP)
                title=ui.t(i18n::MOVE_UP) disabled=move || position.get().0 == Some(0)
                on:click=move |_| moved(-1, "up")>"↑"</button>
            <button type="button" class="icon" id=format!("{row_id}-down") aria-label=move || label(i18n::MOVE_DOWN)
                title=ui.t(i18n::MOVE_DOWN) disabled=move || { let (i, n) = position.get(); i.is_none_or(|i| i + 1 >= n) }
                on:click=move |_| moved_down(1, "down")>"↓"</button>
            <button type="button" class="icon danger" id=format!("{row_id}-delete") aria-label=move || label(i18n::DELETE)
                title=ui.t(i18n::DELETE)
                on:click=move |_| {
                    match ed.remove_row(list, key) {
                        Some(next) => focus_after_render(format!("{prefix_delete}-{next}-{first}")),
                        None => focus_after_render(add_id.clone()),
                    }
                }>"✕"</button>
        </div>
    }
}
