//! The alert region, the save indicator and the toasts, worded in the UI language.

use hindsight_core::session::{AlertAction, AlertKind, Notice, RowList, SaveState};
use hindsight_core::{report::display_title, FieldId, Language, Text, Words};
use leptos::prelude::*;

use super::rich::rich;
use crate::i18n::{self, isolate, Ui};
use crate::state::{Editor, UndoTop};

/// The words of an alert's button.
fn action_words(action: AlertAction) -> Words {
    match action {
        AlertAction::ExportJson => i18n::DOWNLOAD_JSON,
        AlertAction::BackupAll => i18n::BACK_UP_ALL,
        AlertAction::DownloadSetAside => i18n::DOWNLOAD_UNREADABLE,
        AlertAction::DiscardSetAside => i18n::DISCARD_IT,
        AlertAction::ChooseMerge => i18n::merge::CHOOSE_MERGE,
        AlertAction::KeepBoth => i18n::KEEP_BOTH,
        AlertAction::KeepDraft => i18n::team::KEEP_DRAFT,
        AlertAction::DeleteDraft => i18n::team::DELETE_DRAFT,
    }
}

/// What a notice says, in both languages.
pub fn notice_text(notice: &Notice) -> Text {
    let plain = |w: Words| Text::new(w, &[]);
    match notice {
        Notice::NoStorage => plain(i18n::NO_STORAGE),
        Notice::SetAside { count, found } => {
            let found = if found.is_empty() {
                Text::plain("")
            } else {
                let parts: Vec<Text> = found
                    .iter()
                    .map(|(key, why)| {
                        Text::with(i18n::KEY_REASON, &[&Text::plain(key.as_str()), why])
                    })
                    .collect();
                let joined = Text {
                    en: parts
                        .iter()
                        .map(|p| p.en.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    zh: parts
                        .iter()
                        .map(|p| p.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("；"),
                };
                Text::with(i18n::FOUND_NOW, &[&joined])
            };
            let words =
                hindsight_core::words::counted(*count, i18n::SET_ASIDE_ONE, i18n::SET_ASIDE);
            Text::with(words, &[&Text::plain(count.to_string()), &found])
        }
        Notice::NotSaved(e) => Text::with(i18n::NOT_SAVED_BECAUSE, &[&e.text()]),
        Notice::NewDraftNotStored(e) => Text::with(i18n::NEW_DRAFT_NOT_STORED, &[&e.text()]),
        Notice::Conflict => plain(i18n::CONFLICT),
        Notice::FolderConflict => plain(i18n::merge::FOLDER_CONFLICT),
        Notice::DeletedFromFolder(path) => {
            Text::new(i18n::team::DELETED_FROM_FOLDER, &[&isolate(path)])
        }
        Notice::DeletedElsewhere => plain(i18n::DELETED_ELSEWHERE),
        Notice::DeleteFailed(e) => Text::with(i18n::DELETE_FAILED, &[&e.text()]),
        Notice::DiscardFailed(e) => Text::with(i18n::DISCARD_FAILED, &[&e.text()]),
        Notice::ImportFailed { name, error } => {
            Text::with(i18n::IMPORT_FAILED, &[&Text::plain(isolate(name)), error])
        }
        Notice::RestoreFailed { name, error } => {
            Text::with(i18n::RESTORE_FAILED, &[&Text::plain(isolate(name)), error])
        }
        Notice::RestorePartial { count, error } => Text::with(
            hindsight_core::words::counted(
                *count,
                i18n::RESTORE_PARTIAL_ONE,
                i18n::RESTORE_PARTIAL,
            ),
            &[&Text::plain(count.to_string()), &error.text()],
        ),
        Notice::Other(text) => text.clone(),
    }
}

/// The name of a removed row, for the undo toast: "event 2".
fn row_name(list: RowList, index: usize, lang: Language) -> String {
    let n = (index + 1).to_string();
    match list {
        RowList::Timeline => i18n::EVENT_N.fill(lang, &[&n]),
        RowList::Actions => i18n::ACTION_ITEM_N.fill(lang, &[&n]),
        RowList::Entries(field) => {
            let group = match field.info().kind {
                hindsight_core::fields::Kind::Entries(e) => e.group,
                _ => field.info().label,
            };
            i18n::GROUP_N.fill(lang, &[group.get(lang), &n])
        }
    }
}

/// "Saved" / "Saving…" / "Not saved", announced politely.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    // The calm first draft is stored from its first words: until then, "Saved" would say
    // something that has not happened.
    let untouched = move || ed.unstored().get() && ed.save_state().get() == SaveState::Saved;
    let text = move || {
        let words = match ed.save_state().get() {
            _ if untouched() => i18n::NOTHING_TO_SAVE,
            SaveState::Saved if !ed.persistent() => i18n::TAB_ONLY,
            SaveState::Saved => i18n::SAVED,
            SaveState::Saving => i18n::SAVING,
            SaveState::NotSaved => i18n::NOT_SAVED,
        };
        words.get(ui.lang())
    };
    let class = move || match ed.save_state().get() {
        _ if untouched() => "save-state untouched",
        SaveState::Saved => "save-state saved",
        SaveState::Saving => "save-state saving",
        SaveState::NotSaved => "save-state failed",
    };
    view! { <p class=class role="status">{text}</p> }
}

/// How long a notice that informs stays: about six seconds, longer for longer text (a
/// reader takes about a second per fifteen characters), at most fifteen.
fn notice_ms(text: &str) -> u64 {
    let chars = text.chars().count() as u64;
    (6_000 + chars.saturating_sub(60) * 60).min(15_000)
}

/// How long the Undo toast offers its button.
const UNDO_MS: u64 = 10_000;

/// Notices that inform go away by themselves, and on the user's next action; errors (the
/// alert) stay until answered or dismissed.
fn fade_notices(ed: Editor, ui: Ui) {
    let shown = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(text) = ed.info().get() else {
            return;
        };
        shown.update_value(|n| *n += 1);
        let this = shown.get_value();
        let ms = notice_ms(&ui.text(&text));
        set_timeout(
            move || {
                if shown.try_get_value() == Some(this) {
                    ed.info().set(None);
                }
            },
            std::time::Duration::from_millis(ms),
        );
    });
    let undo_shown = StoredValue::new(0u64);
    Effect::new(move |_| {
        if ed.undo().with(Option::is_none) {
            return;
        }
        undo_shown.update_value(|n| *n += 1);
        let this = undo_shown.get_value();
        set_timeout(
            move || {
                if undo_shown.try_get_value() == Some(this) {
                    ed.clear_undo();
                }
            },
            std::time::Duration::from_millis(UNDO_MS),
        );
    });
    // The next thing the user does elsewhere dismisses a notice that only informs.
    let next_action = move |ev: &web_sys::Event| {
        let in_toast = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest(".toast-region").ok().flatten())
            .is_some();
        if !in_toast && ed.info().with_untracked(Option::is_some) {
            ed.info().set(None);
        }
    };
    let down = window_event_listener(leptos::ev::pointerdown, move |ev| next_action(&ev));
    let key = window_event_listener(leptos::ev::keydown, move |ev| {
        // A modifier alone, or the key that saved (Ctrl+S says "Saved"), is no next action.
        if !matches!(
            ev.key().as_str(),
            "Control" | "Meta" | "Shift" | "Alt" | "s" | "S"
        ) {
            next_action(&ev);
        }
    });
    on_cleanup(move || {
        down.remove();
        key.remove();
    });
}

/// The alert region for errors, and the toasts.
#[component]
pub fn Alerts() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    fade_notices(ed, ui);
    let undo_text = move || {
        let lang = ui.lang();
        ed.undo().with(|u| {
            let (top, count) = u.as_ref()?;
            let latest = match top {
                UndoTop::Draft(title) => {
                    ui.fill(i18n::DELETED_DRAFT, &[&isolate(display_title(title, lang))])
                }
                UndoTop::Row(list, index) => {
                    ui.fill(i18n::DELETED_ROW, &[&row_name(*list, *index, lang)])
                }
                UndoTop::Pasted(n) => ui.fill(
                    hindsight_core::words::counted(*n, i18n::PASTED_EVENT, i18n::PASTED_EVENTS),
                    &[&n.to_string()],
                ),
            };
            Some(match count {
                1 => latest,
                n => format!(
                    "{latest}{}",
                    ui.fill(i18n::MORE_TO_UNDO, &[&(n - 1).to_string()])
                ),
            })
        })
    };
    view! {
        <div class="alert" role="alert">
            {move || ed.alert().get().map(|alert| {
                let conflict = alert.kind == AlertKind::Conflict;
                let message = notice_text(&alert.notice);
                view! {
                    <div class="alert-box">
                        <span class="alert-text">{move || rich(&ui.text(&message))}</span>
                        <span class="alert-actions">
                            {alert.actions.into_iter().map(|action| view! {
                                <button type="button" class="secondary small"
                                    on:click=move |_| ed.run_alert_action(action)>{ui.t(action_words(action))}</button>
                            }).collect_view()}
                            // A conflict needs an answer; anything else can be dismissed.
                            {(!conflict).then(|| view! {
                                <button type="button" class="ghost small" on:click=move |_| ed.dismiss_alert()>
                                    {ui.t(i18n::DISMISS)}
                                </button>
                            })}
                        </span>
                    </div>
                }
            })}
        </div>
        <div class="toast-region" aria-live="polite">
            {move || ed.info().get().map(|text| view! {
                <div class="toast">
                    <span>{move || rich(&ui.text(&text))}</span>
                    <button type="button" class="ghost small" aria-label=ui.t(i18n::DISMISS)
                        on:click=move |_| ed.info().set(None)>"✕"</button>
                </div>
            })}
            {move || undo_text().map(|text| view! {
                <div class="toast">
                    <span>{rich(&text)}</span>
                    <button type="button" class="secondary small" id="undo-button" on:click=move |_| {
                        // The button goes with its toast: the focus goes to what came back.
                        let target = match ed.undo_last() {
                            Some((list, key)) => crate::ui::form::first_control_id(list, key),
                            None => FieldId::Title.element_id(),
                        };
                        crate::ui::focus::focus_after_render(target);
                    }>
                        {ui.t(i18n::UNDO)}
                    </button>
                    <button type="button" class="ghost small" aria-label=ui.t(i18n::DISMISS)
                        on:click=move |_| ed.clear_undo()>"✕"</button>
                </div>
            })}
        </div>
    }
}
