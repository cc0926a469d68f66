//! One form control for any field of the table: its label, its input of the right kind, its
//! hint and its message.
//!
//! A control takes its value when it is created and again only when the document is
//! replaced from outside (open, another tab); while the user types it owns its value, because
//! re-setting `value` on every keystroke breaks input methods (zh-TW, ja). Every change goes
//! to the document through `set`.

use hindsight_core::fields::{Field, Kind, TEXT_HINT};
use hindsight_core::{review::Level, Choice, FieldId, Severity, Text, Words};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{self, Ui};
use crate::state::Editor;

/// What a control shows, read from the field table.
#[derive(Clone, Copy)]
pub struct Spec {
    /// What it holds.
    pub kind: Kind,
    /// Its label.
    pub label: Words,
    /// Its hint, if any.
    pub hint: Option<Words>,
    /// Its placeholder, if any.
    pub placeholder: Option<Words>,
    /// A choice's values and labels.
    pub options: &'static [(&'static str, Words)],
    /// A choice's one-line description, shown after its label (the severities'), by value.
    pub detail: Option<fn(&str) -> Option<Words>>,
}

impl Spec {
    /// The spec of a field of the table.
    pub fn of<R>(f: &Field<R>) -> Self {
        let options = match &f.access {
            hindsight_core::fields::Access::Choice { options, .. } => *options,
            _ => &[],
        };
        let detail: Option<fn(&str) -> Option<Words>> = (f.id == FieldId::Severity)
            .then_some(|v| Severity::parse(v).map(Severity::description));
        Self {
            kind: f.kind,
            label: f.label,
            hint: f.hint,
            placeholder: f.placeholder,
            options,
            detail,
        }
    }
}

/// What the review says about one control, shown under it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldNote {
    /// The id of the control (or list) it is about.
    pub element: String,
    /// Problem or suggestion.
    pub level: Level,
    /// The check's title.
    pub title: Words,
    /// Where and why.
    pub message: Text,
}

/// The review's open findings by control, shared through context by the review, so a field
/// with a problem says so under itself. Each control follows a signal of its own, set only
/// when its notes change: a keystroke never reaches every control of a large report.
#[derive(Clone, Copy)]
pub struct FieldNotes {
    all: Memo<Vec<FieldNote>>,
    controls: StoredValue<Vec<(String, RwSignal<Vec<FieldNote>>)>>,
}

/// The notes about one control.
pub type Notes = RwSignal<Vec<FieldNote>>;

fn notes_of(all: &[FieldNote], id: &str) -> Vec<FieldNote> {
    all.iter().filter(|n| n.element == id).cloned().collect()
}

impl FieldNotes {
    /// Provides `all` to the controls created after it, each through its own signal.
    pub fn provide(all: Memo<Vec<FieldNote>>) {
        let controls = StoredValue::new(Vec::<(String, Notes)>::new());
        Effect::new(move |_| {
            let mut changed = Vec::new();
            all.with(|all| {
                controls.update_value(|list| {
                    // A control that is gone has its signal disposed: forget it.
                    list.retain(|(id, notes)| {
                        let now = notes_of(all, id);
                        match notes.try_with_untracked(|old| *old != now) {
                            None => false,
                            Some(differs) => {
                                if differs {
                                    changed.push((*notes, now));
                                }
                                true
                            }
                        }
                    });
                });
            });
            for (notes, now) in changed {
                notes.set(now);
            }
        });
        provide_context(FieldNotes { all, controls });
    }

    /// The notes about the control `id`, when the review runs beside the form.
    pub fn about(id: &str) -> Option<Notes> {
        let this = use_context::<FieldNotes>()?;
        let notes = RwSignal::new(this.all.with_untracked(|all| notes_of(all, id)));
        this.controls
            .update_value(|list| list.push((id.to_owned(), notes)));
        Some(notes)
    }
}

/// Whether there is a note now.
pub fn has_notes(notes: Option<Notes>) -> bool {
    notes.is_some_and(|n| n.with(|v| !v.is_empty()))
}

/// The review's notes under a control, with the id its `aria-describedby` names.
pub fn notes_view(id: String, notes: Option<Notes>) -> impl IntoView {
    let ui = Ui::get();
    notes.map(|notes| {
        move || {
            notes.with(|v| {
                (!v.is_empty()).then(|| {
                    let items = v
                        .iter()
                        .map(|n| {
                            let class = match n.level {
                                Level::Problem => "field-note problem",
                                Level::Suggestion => "field-note suggestion",
                            };
                            let (title, message) = (n.title, n.message.clone());
                            view! {
                                <p class=class>
                                    <strong>{ui.t(title)}</strong>" "
                                    <span class="why">{move || ui.text(&message)}</span>
                                </p>
                            }
                        })
                        .collect_view();
                    view! { <div class="field-notes" id=format!("{id}-review")>{items}</div> }
                })
            })
        }
    })
}

const YES_NO: &[(&str, Words)] = &[
    ("", i18n::NOT_ANSWERED),
    ("yes", hindsight_core::fields::YES),
    ("no", hindsight_core::fields::NO),
];

/// Reads the value a control holds now.
fn dom_value(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(if i.type_() == "checkbox" {
            i.checked().to_string()
        } else {
            i.value()
        });
    }
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(t.value());
    }
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

/// Puts a value into a control, only when it differs (so a caret is never moved for nothing).
fn set_dom_value(el: &web_sys::Element, value: &str) {
    if dom_value(el).as_deref() == Some(value) {
        return;
    }
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if i.type_() == "checkbox" {
            i.set_checked(value == "true");
        } else {
            i.set_value(value);
        }
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
}

/// Lets a text area grow with its text as the user types, up to a limit the stylesheet
/// sets. Browsers with `field-sizing: content` do it in CSS, sized from the start; elsewhere
/// this runs on input only, because reading `scrollHeight` forces a layout, and doing so for
/// every text area of a freshly opened draft would slow start-up.
fn grow(area: &web_sys::HtmlTextAreaElement) {
    if css_sizes_fields() {
        return;
    }
    let style = web_sys::HtmlElement::style(area);
    let _ = style.set_property("height", "auto");
    let height = area.scroll_height() + 2;
    let _ = style.set_property("height", &format!("{height}px"));
}

/// Whether the browser sizes text areas to their content itself (`field-sizing: content`).
fn css_sizes_fields() -> bool {
    let global = js_sys::global();
    let Ok(css) = js_sys::Reflect::get(&global, &"CSS".into()) else {
        return false;
    };
    let Ok(supports) = js_sys::Reflect::get(&css, &"supports".into()) else {
        return false;
    };
    supports
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| {
            f.call2(&css, &"field-sizing".into(), &"content".into())
                .ok()
        })
        .is_some_and(|v| v.is_truthy())
}

/// A labelled control bound to one value of the document.
#[component]
pub fn Control(
    /// What it shows.
    spec: Spec,
    /// The element id, unique on the page.
    id: String,
    /// The value now, as the control holds it.
    #[prop(into)]
    get: Callback<(), String>,
    /// Takes a new value from the control.
    #[prop(into)]
    set: Callback<String>,
    /// Whether the template requires it.
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Read again, besides on document replacement (the time boxes follow the zone).
    #[prop(optional, into)]
    follow: Option<Callback<()>>,
    /// A message about the value, shown under it.
    #[prop(optional, into)]
    message: Option<RwSignal<Option<Text>>>,
    /// Extra classes of the wrapper.
    #[prop(optional)]
    class: &'static str,
    /// Told the value when the user is done with it (on change: blur or Enter).
    #[prop(optional, into)]
    commit: Option<Callback<String>>,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let node = NodeRef::<leptos::html::Div>::new();
    let message = message.unwrap_or_else(|| RwSignal::new(None));
    let input_id = id.clone();
    Effect::new(move |_| {
        ed.track_replaced();
        if let Some(f) = follow {
            f.run(());
        }
        let value = untrack(|| get.run(()));
        let Some(wrapper) = node.get() else { return };
        if let Ok(Some(el)) = wrapper.query_selector("input, textarea, select") {
            set_dom_value(&el, &value);
        }
    });
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-message");
    let review_id = format!("{id}-review");
    let notes = FieldNotes::about(&id);
    let notes_under = notes_view(id.clone(), notes);
    let kind = spec.kind;
    let hint = match kind {
        Kind::Text | Kind::Lines => Some(spec.hint.unwrap_or(TEXT_HINT)),
        _ => spec.hint,
    };
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(hint_id.clone());
        }
        if message.with(Option::is_some) {
            ids.push(message_id.clone());
        }
        if has_notes(notes) {
            ids.push(review_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let placeholder = move || spec.placeholder.map(|p| p.get(ui.lang()));
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            grow(&area);
        }
        set.run(event_target_value(&ev));
    };
    let aria_required = move || required.get().then_some("true");
    // A pasted log, stack trace or table: offered as a code block, which keeps its lines.
    let pasted_log = RwSignal::new(None::<String>);
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        pasted_log.set(hindsight_core::text::looks_like_log(&text).then_some(text));
    };
    let code_id = StoredValue::new(input_id.clone());
    let format_as_code = move |_: leptos::ev::MouseEvent| {
        let Some(pasted) = pasted_log.get_untracked() else {
            return;
        };
        let Some(area) = document()
            .get_element_by_id(&code_id.get_value())
            .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let value = area.value();
        let pasted = pasted.replace("\r\n", "\n");
        if let Some(at) = value.rfind(pasted.as_str()) {
            let before = &value[..at];
            let lead = if before.is_empty() || before.ends_with("\n\n") {
                ""
            } else if before.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let fenced = format!(
                "{before}{lead}```\n{}\n```\n{}",
                pasted.trim_end_matches('\n'),
                &value[at + pasted.len()..]
            );
            area.set_value(&fenced);
            grow(&area);
            set.run(fenced);
        }
        pasted_log.set(None);
        let _ = area.focus();
    };
    let input = match kind {
        Kind::Text | Kind::Lines => view! {
            <textarea id=input_id rows=4 placeholder=placeholder aria-required=aria_required
                aria-describedby=described on:input=on_input on:paste=on_paste
                on:blur=move |_| {
                    // Leaving the field without taking the offer lets it go.
                    set_timeout(move || if !pasted_log.is_disposed() {
                        let keep = document().active_element().is_some_and(|e| e.class_name().contains("code-offer"));
                        if !keep { pasted_log.set(None); }
                    }, std::time::Duration::from_millis(200));
                }></textarea>
        }
        .into_any(),
        Kind::Choice { .. } | Kind::YesNo => {
            let options = if kind == Kind::YesNo {
                YES_NO
            } else {
                spec.options
            };
            let optional = matches!(kind, Kind::Choice { optional: true });
            view! {
                <select id=input_id aria-required=aria_required aria-describedby=described
                    on:change=move |ev| set.run(event_target_value(&ev))>
                    {optional.then(|| view! { <option value="">{ui.t(i18n::NOT_SET)}</option> })}
                    {options.iter().map(|(value, words)| {
                        let (value, words) = (*value, *words);
                        let detail = spec.detail.and_then(|d| d(value));
                        let text = move || match detail {
                            Some(d) => format!("{} — {}", words.get(ui.lang()), d.get(ui.lang())),
                            None => words.get(ui.lang()).to_owned(),
                        };
                        view! { <option value=value>{text}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
        Kind::Check => view! {
            <input type="checkbox" id=input_id aria-describedby=described
                on:change=move |ev| set.run(event_target_checked(&ev).to_string())/>
        }
        .into_any(),
        _ => {
            let input_type = match kind {
                Kind::Date => "date",
                Kind::Url => "url",
                Kind::Time => "datetime-local",
                _ => "text",
            };
            let list = (kind == Kind::Zone).then_some("time-zones");
            view! {
                <input type=input_type id=input_id list=list placeholder=placeholder
                    aria-required=aria_required aria-describedby=described
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    on:input=move |ev| {
                        // A zone is taken when it is complete (on change, that is on blur or
                        // Enter): a half-typed one is not a zone, and the timeline may ask.
                        if kind == Kind::Zone {
                            message.set(None);
                        } else {
                            on_input(ev);
                        }
                    }
                    on:change=move |ev| {
                        if let Some(c) = commit {
                            c.run(event_target_value(&ev));
                        }
                        if kind == Kind::Zone {
                            let zone = event_target_value(&ev);
                            if zone_changed(&zone, message) {
                                set.run(zone.trim().to_owned());
                            }
                        }
                    }/>
            }
            .into_any()
        }
    };
    let check = kind == Kind::Check;
    view! {
        <div class=format!("field {class}") class:check=check node_ref=node>
            {(!check).then(|| view! { <label for=id.clone()>{ui.t(spec.label)}</label> })}
            <Show when=move || required.get()>
                <span class="req" aria-hidden="true" title=ui.t(i18n::REQUIRED_BY_TEMPLATE)>"*"</span>
            </Show>
            {input}
            {move || pasted_log.with(Option::is_some).then(|| view! {
                <p class="code-offer-line">
                    <span class="hint">{ui.t(i18n::LOOKS_LIKE_LOG)}</span>
                    <button type="button" class="secondary small code-offer" on:click=format_as_code>
                        {ui.t(i18n::FORMAT_AS_CODE)}
                    </button>
                </p>
            })}
            {check.then(|| view! { <label for=id.clone()>{ui.t(spec.label)}</label> })}
            {(kind == Kind::Zone).then(zone_list)}
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{ui.t(h)}</p> })}
            {move || message.get().map(|m| view! {
                <p class="field-error" role="alert" id=format!("{id}-message")>{ui.text(&m)}</p>
            })}
            {notes_under}
        </div>
    }
}

/// Says so when the zone typed is not one the browser knows; true when it is.
fn zone_changed(zone: &str, message: RwSignal<Option<Text>>) -> bool {
    let zone = zone.trim();
    if crate::adapters::platform::is_valid_time_zone(zone) {
        message.set(None);
        true
    } else {
        message.set(Some(Text::new(i18n::UNKNOWN_ZONE, &[zone])));
        false
    }
}

fn zone_list() -> impl IntoView {
    view! {
        <datalist id="time-zones">
            {["UTC", "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin",
              "Asia/Taipei", "Asia/Tokyo", "Australia/Sydney"]
                .into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
        </datalist>
    }
}
