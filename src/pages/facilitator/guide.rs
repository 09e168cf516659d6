//! The facilitator's guide (`/facilitator/guide`): how to prepare the devices, run a
//! workshop, collect the responses and read the room's results against the Jiangsu study.
//! Plain text from the locale files (section `guide`), one `<h2>` per section and lists for
//! the steps; it prints on one or two A4 pages (`style/facilitator.css`). It comes in the
//! facilitator page's wasm file (`route::table`), so opening it from there fetches nothing.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::heading::PageHeading;
use crate::components::print::PrintButton;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;

/// Route `/facilitator/guide`: the facilitator's guide, with a way back to the facilitator
/// page and a print button.
#[component]
pub fn FacilitatorGuide() -> impl IntoView {
    let i18n = use_i18n();
    let heading = Signal::derive(move || t_string!(i18n, guide.title).to_string());
    let print = Signal::derive(move || t_string!(i18n, guide.print).to_string());
    view! {
        <div class="guide">
            <PageHeading text=heading />
            <p class="lead">{t!(i18n, guide.intro)}</p>
            <div class="button-row no-print">
                <A href=Route::Facilitator.href() attr:class="button secondary">
                    {t!(i18n, guide.back)}
                </A>
                <PrintButton label=print class="primary" />
            </div>

            <section aria-labelledby="guide-devices-h">
                <h2 id="guide-devices-h">{t!(i18n, guide.devices.heading)}</h2>
                <ol>
                    <li>{t!(i18n, guide.devices.s1)}</li>
                    <li>{t!(i18n, guide.devices.s2)}</li>
                    <li>{t!(i18n, guide.devices.s3)}</li>
                    <li>{t!(i18n, guide.devices.s4)}</li>
                    <li>{t!(i18n, guide.devices.s5)}</li>
                    <li>{t!(i18n, guide.devices.s6)}</li>
                </ol>
            </section>

            <section aria-labelledby="guide-room-h">
                <h2 id="guide-room-h">{t!(i18n, guide.room.heading)}</h2>
                <p>{t!(i18n, guide.room.p1)}</p>
                <p>{t!(i18n, guide.room.p2)}</p>
                <p>{t!(i18n, guide.room.p3)}</p>
            </section>

            <section aria-labelledby="guide-outbox-h">
                <h2 id="guide-outbox-h">{t!(i18n, guide.outbox.heading)}</h2>
                <ul>
                    <li>{t!(i18n, guide.outbox.s1)}</li>
                    <li>{t!(i18n, guide.outbox.s2)}</li>
                    <li>{t!(i18n, guide.outbox.s3)}</li>
                    <li>{t!(i18n, guide.outbox.s4)}</li>
                </ul>
            </section>

            <section aria-labelledby="guide-collect-h">
                <h2 id="guide-collect-h">{t!(i18n, guide.collect.heading)}</h2>
                <ul>
                    <li>{t!(i18n, guide.collect.s1)}</li>
                    <li>{t!(i18n, guide.collect.s2)}</li>
                    <li>{t!(i18n, guide.collect.s3)}</li>
                    <li>{t!(i18n, guide.collect.s4)}</li>
                </ul>
                <p>{t!(i18n, guide.collect.p1)}</p>
                <p>{t!(i18n, guide.collect.p2)}</p>
            </section>

            <section aria-labelledby="guide-project-h">
                <h2 id="guide-project-h">{t!(i18n, guide.project.heading)}</h2>
                <ol>
                    <li>{t!(i18n, guide.project.s1)}</li>
                    <li>{t!(i18n, guide.project.s2)}</li>
                    <li>{t!(i18n, guide.project.s3)}</li>
                </ol>
            </section>

            <section aria-labelledby="guide-study-h">
                <h2 id="guide-study-h">{t!(i18n, guide.study.heading)}</h2>
                <p>{t!(i18n, guide.study.p1)}</p>
                <p>{t!(i18n, guide.study.stages_intro)}</p>
                <ul>
                    <li>{t!(i18n, guide.study.stage_a)}</li>
                    <li>{t!(i18n, guide.study.stage_b)}</li>
                    <li>{t!(i18n, guide.study.stage_b2)}</li>
                    <li>{t!(i18n, guide.study.stage_b1a)}</li>
                    <li>{t!(i18n, guide.study.stage_b1b)}</li>
                </ul>
                <p>{t!(i18n, guide.study.stage_more)}</p>
                // The two charts of the facilitator page, under their own names.
                <h3>{t!(i18n, guide.study.stands_heading)}</h3>
                <p>{t!(i18n, guide.study.stage_chart)}</p>
                <p>{t!(i18n, guide.study.a_b2)}</p>
                <h3>{t!(i18n, guide.study.moves_heading)}</h3>
                <p>{t!(i18n, guide.study.motives)}</p>
                <p>{t!(i18n, guide.study.policy)}</p>
                <p>{t!(i18n, guide.study.caveat)}</p>
                <h3>{t!(i18n, guide.study.questions)}</h3>
                <ul>
                    <li>{t!(i18n, guide.study.q1)}</li>
                    <li>{t!(i18n, guide.study.q2)}</li>
                    <li>{t!(i18n, guide.study.q3)}</li>
                    <li>{t!(i18n, guide.study.q4)}</li>
                </ul>
                <p class="source">{t!(i18n, guide.study.source)}</p>
            </section>

            <section aria-labelledby="guide-trouble-h">
                <h2 id="guide-trouble-h">{t!(i18n, guide.trouble.heading)}</h2>
                <ul>
                    <li>{t!(i18n, guide.trouble.s1)}</li>
                    <li>{t!(i18n, guide.trouble.s2)}</li>
                    <li>{t!(i18n, guide.trouble.s3)}</li>
                    <li>{t!(i18n, guide.trouble.s4)}</li>
                    <li>{t!(i18n, guide.trouble.s5)}</li>
                </ul>
            </section>
        </div>
    }
}
