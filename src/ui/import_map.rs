//! "Where each part went": after a report written elsewhere is read, each heading of the
//! file and the place it landed, with a way to move a part before the draft is created.

use hindsight_core::import::{self, ForeignImport};
use leptos::prelude::*;

use super::modal::Modal;
use super::rich::rich;
use crate::i18n::{self, import as words, Ui};
use crate::state::Editor;

/// The dialog, open while a foreign import waits for the user.
#[component]
pub fn ImportMapDialog() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let foreign = ed.foreign();
    let targets = StoredValue::new(import::targets());
    let rows = move || {
        let lang = ui.lang();
        foreign.with(|f| {
            let Some((_, import)) = f else {
                return Vec::new();
            };
            import
                .parts
                .iter()
                .enumerate()
                .map(|(i, part)| {
                    let heading = if part.heading.is_empty() {
                        hindsight_core::import::foreign::messages::NO_HEADING
                            .get(lang)
                            .to_owned()
                    } else {
                        part.heading.clone()
                    };
                    let current = part.target.canonical();
                    let select_id = format!("import-part-{i}");
                    let label = ui.fill(words::PLACE_OF, &[&i18n::isolate(&heading)]);
                    // Header fields and whole sections are places a part can land in but not
                    // be moved to: such a part lists its own place first, so the select shows
                    // where it went rather than the first choice.
                    let mut choices = targets.get_value();
                    if !choices.iter().any(|(t, _)| *t == current) {
                        choices.insert(0, (current, current.label()));
                    }
                    let options = choices
                        .iter()
                        .enumerate()
                        .map(|(n, (target, name))| {
                            let section = target.section().heading().get(lang);
                            let text = if name.get(lang) == section {
                                section.to_owned()
                            } else {
                                format!("{section} › {}", name.get(lang))
                            };
                            view! {
                                <option value=n.to_string() selected=*target == current>{text}</option>
                            }
                        })
                        .collect_view();
                    let choices = StoredValue::new(choices);
                    // Where the text really went, when that is more than the place chosen:
                    // rows made, or text that could not be read kept in Supporting
                    // information.
                    let landed = import.landed.get(i).cloned().unwrap_or_default();
                    let plain = landed.len() == 1 && landed[0].place == current && landed[0].rows == 0;
                    let note = (!landed.is_empty() && !plain).then(|| {
                        let places: Vec<String> = landed
                            .iter()
                            .map(|l| {
                                let name = l.place.label().get(lang).to_owned();
                                match l.rows {
                                    0 => name,
                                    1 => ui.fill(words::LANDED_ROW, &[&name]),
                                    n => ui.fill(words::LANDED_ROWS, &[&name, &n.to_string()]),
                                }
                            })
                            .collect();
                        ui.fill(words::LANDED, &[&places.join(words::LANDED_SEP.get(lang))])
                    });
                    let note_id = format!("import-part-{i}-landed");
                    let described = note.is_some().then(|| note_id.clone());
                    view! {
                        <tr>
                            <td><bdi>{heading}</bdi></td>
                            <td>
                                <label class="visually-hidden" for=select_id.clone()>{rich(&label)}</label>
                                <select id=select_id aria-describedby=described on:change=move |ev| {
                                    let Ok(n) = event_target_value(&ev).parse::<usize>() else { return };
                                    let Some(target) = choices.with_value(|ts| ts.get(n).map(|(t, _)| *t)) else { return };
                                    retarget(foreign, i, target);
                                }>{options}</select>
                                {note.map(|n| view! { <p class="hint landed" id=note_id>{n}</p> })}
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        foreign.with(|f| {
            f.as_ref().map(|(_, import)| {
                let (mapped, supporting) = import.summary();
                ui.fill(
                    hindsight_core::words::counted(
                        mapped,
                        words::FOREIGN_SUMMARY_ONE,
                        words::FOREIGN_SUMMARY,
                    ),
                    &[&mapped.to_string(), &supporting.to_string()],
                )
            })
        })
    };
    let name = move || foreign.with(|f| f.as_ref().map(|(n, _)| n.clone()).unwrap_or_default());
    // Nothing is created: the focus goes back to Import, or to the form when Import is out
    // of sight (a phone's closed drafts panel, a dropped file).
    let cancel = move || {
        foreign.set(None);
        crate::ui::focus::focus_first_after_render(vec![
            "import-file".into(),
            hindsight_core::FieldId::Title.element_id(),
        ]);
    };
    view! {
        <Show when=move || foreign.with(Option::is_some)>
            <Modal labelled_by="import-map-title" on_close=move |_| cancel()>
                <h2 id="import-map-title">{ui.t(words::WHERE_PARTS_WENT)}</h2>
                <p>{move || rich(&ui.fill(words::FOREIGN_INTRO, &[&i18n::isolate(&name())]))}</p>
                {move || foreign.with(|f| f.as_ref().and_then(|(_, import)| import.not_a_postmortem.clone())).map(|why| {
                    let message = hindsight_core::Text::with(
                        hindsight_core::import::foreign::messages::NOT_POSTMORTEM,
                        &[&why],
                    );
                    view! {
                        <div class="dialog-warning" role="alert">
                            <p>{ui.text(&message)}</p>
                            <p>{ui.t(words::NOT_A_POSTMORTEM_NOTE)}</p>
                        </div>
                    }
                })}
                <p class="hint" role="status">{summary}</p>
                {move || foreign.with(|f| f.as_ref().map(|(_, import)| import.read_from_text.clone()).unwrap_or_default())
                    .into_iter()
                    .map(|r| {
                        let lang = ui.lang();
                        let line = ui.fill(hindsight_core::import::foreign::messages::READ_FROM_TEXT, &[
                            r.field.label(lang),
                            r.value.get(lang),
                            &i18n::isolate(&r.evidence),
                        ]);
                        view! { <p class="hint read-from-text">{rich(&line)}</p> }
                    })
                    .collect_view()}
                <div class="table-wrap import-map" tabindex="0" role="group" aria-labelledby="import-map-title">
                    <table>
                        <thead><tr><th scope="col">{ui.t(words::PART_HEADING)}</th><th scope="col">{ui.t(words::PART_PLACE)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="actions">
                    <button type="button" class="primary" autofocus
                        on:click=move |_| {
                            ed.accept_foreign(ui.lang_untracked());
                            // The new draft opens at its title, like one made from a template.
                            crate::ui::focus::focus_after_render(hindsight_core::FieldId::Title.element_id());
                        }>{ui.t(words::CREATE_DRAFT)}</button>
                    <button type="button" class="ghost" on:click=move |_| cancel()>{ui.t(words::CANCEL_IMPORT)}</button>
                </div>
            </Modal>
        </Show>
    }
}

fn retarget(
    foreign: RwSignal<Option<(String, ForeignImport)>>,
    part: usize,
    target: import::Target,
) {
    foreign.update(|f| {
        if let Some((_, import)) = f {
            import.retarget(part, target);
        }
    });
}
