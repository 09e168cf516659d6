//! The room's option register: the options the participants brought in their registers,
//! counted by category and screening bin, with the annual savings the selected ones are
//! estimated to bring.

use leptos::prelude::*;

use cp_assessment::content::Content;
use cp_assessment::register::money;
use cp_assessment::workshop::Aggregate;

use crate::i18n::t_string;
use crate::I18n;

/// The room's options by category and bin, and the selected options' savings.
pub fn options_section(i18n: I18n, c: &Content, a: &Aggregate) -> impl IntoView {
    let g = &a.options;
    let body = if g.options == 0 {
        view! { <p>{t_string!(i18n, facilitator.options_none).to_string()}</p> }.into_any()
    } else {
        let savings: Vec<String> = g
            .estimated
            .iter()
            .map(|(cur, sum)| money(*sum, *cur))
            .collect();
        let rows = g
            .by_category
            .iter()
            .map(|(category, bins)| {
                let cells = bins.iter().map(|n| view! { <td>{*n}</td> }).collect_view();
                view! {
                    <tr>
                        <th scope="row" data-category=category.as_str()>{c.category_name(*category).to_owned()}</th>
                        {cells}
                        <td>{bins.iter().sum::<usize>()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p>{t_string!(i18n, facilitator.options_intro, options = g.options, participants = g.participants, selected = g.selected).to_string()}</p>
            <p>{t_string!(i18n, facilitator.options_savings, list = c.join(&savings, cp_assessment::labels::Joiner::Items)).to_string()}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fac-options-h">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t_string!(i18n, facilitator.col_category).to_string()}</th>
                            <th scope="col">{t_string!(i18n, register.bin_not_screened).to_string()}</th>
                            <th scope="col">{t_string!(i18n, register.bin_do_now).to_string()}</th>
                            <th scope="col">{t_string!(i18n, register.bin_feasibility_study).to_string()}</th>
                            <th scope="col">{t_string!(i18n, register.bin_rejected).to_string()}</th>
                            <th scope="col">{t_string!(i18n, facilitator.options_total).to_string()}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="fac-options-h" data-testid="room-options">
            <h2 id="fac-options-h">{t_string!(i18n, facilitator.options_heading).to_string()}</h2>
            {body}
        </section>
    }
}
