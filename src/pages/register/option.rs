//! One option of the register as the manager edits it: what it is, who does it by when,
//! where screening put it, its feasibility study and where it stands.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use cp_assessment::register::{Bin, CpOption, RegisterError, Status};
use cp_assessment::spread::figure;
use cp_assessment::vocabulary::MeasureCategory;

use super::edit::{change, commit};
use super::fields::{amount, category_choices, input, refusal, select, Kind};
use super::study::feasibility_view;
use crate::i18n::{t_string, use_i18n};
use crate::state::use_app;

/// Registers up to this size show every option's editor open; larger ones show each
/// option folded, its editor made only when opened, so that a long register stays quick.
pub const OPEN_UP_TO: usize = 12;

/// Option `id`, numbered `number` in the register: its heading, and its editor, folded
/// unless `open`.
#[component]
pub fn OptionEditor(id: u32, #[prop(into)] number: Signal<usize>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let option = Memo::new(move |_| app.register.with(|r| r.option(id).cloned()));
    let open = RwSignal::new(open);
    let heading = move || {
        let title = option.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default());
        t_string!(
            i18n,
            register.option_heading,
            number = number.get(),
            title = title
        )
        .to_string()
    };
    let toggle = move |ev: leptos::ev::Event| {
        let details = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        if let Some(details) = details {
            open.set(details.open());
        }
    };
    view! {
        <li class="option-editor" data-testid=format!("option-{id}")>
            <details open=open.get_untracked() on:toggle=toggle>
                <summary><h3 class="inline">{heading}</h3></summary>
                {move || open.get().then(|| view! { <OptionFields id=id number=number option=option /> })}
            </details>
        </li>
    }
}

/// The fields of option `id`: what it is, who does it by when, screening, its study and
/// where it stands.
#[component]
fn OptionFields(id: u32, number: Signal<usize>, option: Memo<Option<CpOption>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let text = move |get: fn(&CpOption) -> String| {
        Signal::derive(move || option.with(|o| o.as_ref().map(get).unwrap_or_default()))
    };
    let key = move |name: &str| format!("opt-{id}-{name}");
    let refuse = move |e: RegisterError| refusal(i18n, &e);
    let label = move |f: fn(crate::I18n) -> String| Signal::derive(move || f(i18n));

    let title = input(
        key("title"),
        label(|i| t_string!(i, register.add_title).to_string()),
        Kind::Text,
        text(|o| o.title.clone()),
        move |v| commit(app, id, |o| o.title = v.trim().to_owned()).map_err(refuse),
    );
    let categories = category_choices(app);
    let category = select(
        key("category"),
        label(|i| t_string!(i, register.category).to_string()),
        categories,
        Signal::derive(move || option.with(|o| o.as_ref().map_or("", |o| o.category.as_str()))),
        move |v| {
            if let Some(m) = MeasureCategory::from_id(&v) {
                let _ = commit(app, id, |o| o.category = m);
            }
        },
    );
    let addresses = input(
        key("addresses"),
        label(|i| t_string!(i, register.addresses).to_string()),
        Kind::Text,
        text(|o| o.addresses.clone()),
        move |v| commit(app, id, |o| o.addresses = v.trim().to_owned()).map_err(refuse),
    );
    let owner = input(
        key("owner"),
        label(|i| t_string!(i, register.owner).to_string()),
        Kind::Text,
        text(|o| o.owner.clone()),
        move |v| commit(app, id, |o| o.owner = v.trim().to_owned()).map_err(refuse),
    );
    let deadline = input(
        key("deadline"),
        label(|i| t_string!(i, register.deadline).to_string()),
        Kind::Date,
        text(|o| o.deadline.clone()),
        move |v| commit(app, id, |o| o.deadline = v.trim().to_owned()).map_err(refuse),
    );
    let bins = Signal::derive(move || {
        vec![
            (
                "not_screened",
                t_string!(i18n, register.bin_not_screened).to_string(),
            ),
            ("do_now", t_string!(i18n, register.bin_do_now).to_string()),
            (
                "feasibility_study",
                t_string!(i18n, register.bin_feasibility_study).to_string(),
            ),
            (
                "rejected",
                t_string!(i18n, register.bin_rejected).to_string(),
            ),
        ]
    });
    let bin = select(
        key("bin"),
        label(|i| t_string!(i, register.bin).to_string()),
        bins,
        Signal::derive(move || option.with(|o| o.as_ref().map_or("", |o| o.bin.id()))),
        move |v| {
            let _ = commit(app, id, |o| {
                o.bin = match v.as_str() {
                    "do_now" => Bin::DoNow,
                    "feasibility_study" => Bin::FeasibilityStudy,
                    // Keeps a reason already written when "rejected" is chosen again.
                    "rejected" => match &o.bin {
                        Bin::Rejected(r) => Bin::Rejected(r.clone()),
                        _ => Bin::Rejected(String::new()),
                    },
                    _ => Bin::NotScreened,
                }
            });
        },
    );
    // Memos: the fields they show or hide are made again only when the bin or the status
    // changes, not on every edit (which would lose what is being typed).
    let rejected = Memo::new(move |_| {
        option.with(|o| {
            o.as_ref()
                .is_some_and(|o| matches!(o.bin, Bin::Rejected(_)))
        })
    });
    let reason = move || {
        rejected.get().then(|| {
            input(
                key("reason"),
                label(|i| t_string!(i, register.reason).to_string()),
                Kind::Text,
                text(|o| match &o.bin {
                    Bin::Rejected(r) => r.clone(),
                    _ => String::new(),
                }),
                move |v| {
                    commit(app, id, |o| o.bin = Bin::Rejected(v.trim().to_owned())).map_err(refuse)
                },
            )
        })
    };
    let statuses = Signal::derive(move || {
        vec![
            (
                "planned",
                t_string!(i18n, register.status_planned).to_string(),
            ),
            (
                "in_progress",
                t_string!(i18n, register.status_in_progress).to_string(),
            ),
            ("done", t_string!(i18n, register.status_done).to_string()),
            (
                "dropped",
                t_string!(i18n, register.status_dropped).to_string(),
            ),
        ]
    });
    // A rejected option is not carried out, so it has no status.
    let status = move || {
        (!rejected.get()).then(|| {
            select(
                key("status"),
                label(|i| t_string!(i, register.status).to_string()),
                statuses,
                Signal::derive(move || option.with(|o| o.as_ref().map_or("", |o| o.status.id()))),
                move |v| {
                    let _ = commit(app, id, |o| {
                        o.status = match v.as_str() {
                            "in_progress" => Status::InProgress,
                            "done" => match o.status {
                                Status::Done(m) => Status::Done(m),
                                _ => Status::Done(None),
                            },
                            "dropped" => Status::Dropped,
                            _ => Status::Planned,
                        }
                    });
                },
            )
        })
    };
    let done = Memo::new(move |_| {
        option.with(|o| {
            o.as_ref().is_some_and(|o| {
                matches!(o.status, Status::Done(_)) && !matches!(o.bin, Bin::Rejected(_))
            })
        })
    });
    let measured = move || {
        done.get().then(|| {
            input(
                key("measured"),
                label(|i| t_string!(i, register.measured).to_string()),
                Kind::Number,
                text(|o| match o.status {
                    Status::Done(Some(m)) => figure(m),
                    _ => String::new(),
                }),
                move |v| {
                    let value = amount(i18n, &v)?;
                    commit(app, id, |o| o.status = Status::Done(value)).map_err(refuse)
                },
            )
        })
    };
    let overdue = move || {
        let today = crate::browser::today();
        option
            .with(|o| o.as_ref().is_some_and(|o| o.is_overdue(&today)))
            .then(|| view! { <p class="notice-inline" data-testid="overdue">{t_string!(i18n, register.overdue).to_string()}</p> })
    };
    // Removing asks first: it takes the option's study and follow-up with it.
    let confirming = RwSignal::new(false);
    let remove = move |_| {
        let _ = change(app, |r| {
            r.remove(id);
            Ok(())
        });
    };
    let removal = move || {
        if confirming.get() {
            view! {
                <div class="notice-inline confirm" role="group">
                    <p>{t_string!(i18n, register.remove_confirm, number = number.get()).to_string()}</p>
                    <button type="button" class="danger" on:click=remove>{t_string!(i18n, register.remove_yes).to_string()}</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t_string!(i18n, cancel).to_string()}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                    {t_string!(i18n, register.remove, number = number.get()).to_string()}
                </button>
            }
            .into_any()
        }
    };
    view! {
            {overdue}
            <div class="option-fields">
                {title}
                {category}
                {addresses}
                {owner}
                {deadline}
                {bin}
                {reason}
                {status}
                {measured}
            </div>
            {feasibility_view(id, option)}
            {removal}
    }
}
