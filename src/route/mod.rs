//! The app's routes as a type: every address the app answers is a [`Route`], its `href`
//! built here and a browser path parsed back here. No other module writes a route as a
//! string. The table that maps routes to pages, and the pages' split points, is
//! [`table`].

pub mod table;

use cp_assessment::bank::PartId;

use crate::browser;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: what the self-assessment is, and the way in.
    Welcome,
    /// `/part/1` … `/part/5`: one part of the questionnaire.
    Part(PartId),
    /// `/review`: every answer, with links back to each part.
    Review,
    /// `/results`: the assessment.
    Results,
    /// `/register`: the option register, from screening to follow-up.
    Register,
    /// `/facilitator`: the workshop facilitator's room.
    Facilitator,
    /// `/facilitator/guide`: the facilitator's guide to running a workshop.
    FacilitatorGuide,
}

impl Route {
    /// The questionnaire's first part, where "Start" leads.
    pub fn first_part() -> Route {
        Route::Part(PartId::ALL[0])
    }

    /// The app's own path, e.g. "/part/3", without the path the app is served under.
    pub fn path(self) -> String {
        match self {
            Route::Welcome => "/".to_owned(),
            Route::Part(part) => format!("/part/{}", part.number()),
            Route::Review => "/review".to_owned(),
            Route::Results => "/results".to_owned(),
            Route::Register => "/register".to_owned(),
            Route::Facilitator => "/facilitator".to_owned(),
            Route::FacilitatorGuide => "/facilitator/guide".to_owned(),
        }
    }

    /// The link to the route under whatever path the app is served from, e.g.
    /// "/cp/part/3" under "/cp". Every `<A href>` takes it: leptos_router 0.8's `<A>`
    /// leaves an absolute path as it is, ignoring the router's base.
    pub fn href(self) -> String {
        format!("{}{}", browser::base_path(), self.path())
    }

    /// The route of an app path ("/part/3"); `None` for an address the app does not know.
    pub fn parse(path: &str) -> Option<Route> {
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        match path {
            "/" => Some(Route::Welcome),
            "/review" => Some(Route::Review),
            "/results" => Some(Route::Results),
            "/register" => Some(Route::Register),
            "/facilitator" => Some(Route::Facilitator),
            "/facilitator/guide" => Some(Route::FacilitatorGuide),
            _ => {
                let n = path.strip_prefix("/part/")?.parse::<usize>().ok()?;
                PartId::from_number(n).map(Route::Part)
            }
        }
    }

    /// The route of a full browser path under `base`, the path the app is served under
    /// ("" at a host's root, "/cp" under a sub-path); `None` outside `base` or for an
    /// address the app does not know.
    pub fn at(base: &str, full_path: &str) -> Option<Route> {
        match full_path.strip_prefix(base)? {
            "" => Some(Route::Welcome),
            rest if rest.starts_with('/') => Route::parse(rest),
            _ => None,
        }
    }

    /// The route at the browser's current address.
    pub fn current() -> Option<Route> {
        let path = web_sys::window()?.location().pathname().ok()?;
        Route::at(&browser::base_path(), &path)
    }

    /// The previous page of a questionnaire part: the part before, or the welcome page.
    pub fn before(part: PartId) -> Route {
        PartId::from_number(part.number() - 1).map_or(Route::Welcome, Route::Part)
    }

    /// The next page of a questionnaire part: the part after, or the review.
    pub fn after(part: PartId) -> Route {
        PartId::from_number(part.number() + 1).map_or(Route::Review, Route::Part)
    }

    /// Every route (each part once).
    pub fn all() -> Vec<Route> {
        let mut all = vec![Route::Welcome];
        all.extend(PartId::ALL.iter().map(|&p| Route::Part(p)));
        all.extend([
            Route::Review,
            Route::Results,
            Route::Register,
            Route::Facilitator,
            Route::FacilitatorGuide,
        ]);
        all
    }

    /// Whether the page comes in a wasm file of its own, loaded when first opened, and
    /// waits for the content and the saved answers ([`table`]); the welcome page is in the
    /// main module.
    pub fn is_split(self) -> bool {
        match self {
            Route::Welcome => false,
            Route::Part(_)
            | Route::Review
            | Route::Results
            | Route::Register
            | Route::Facilitator
            | Route::FacilitatorGuide => true,
        }
    }

    /// Whether "continue where you left off" may return to it: the questionnaire, the
    /// review, the results and the register.
    pub fn is_resumable(self) -> bool {
        match self {
            Route::Part(_) | Route::Review | Route::Results | Route::Register => true,
            Route::Welcome | Route::Facilitator | Route::FacilitatorGuide => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_path() {
        for route in Route::all() {
            // A new variant must be listed in `all` (and so checked here) to compile past this.
            match route {
                Route::Welcome
                | Route::Part(_)
                | Route::Review
                | Route::Results
                | Route::Register
                | Route::Facilitator
                | Route::FacilitatorGuide => {}
            }
            assert_eq!(Route::parse(&route.path()), Some(route), "{route:?}");
            assert_eq!(
                Route::at("/cp", &format!("/cp{}", route.path())),
                Some(route)
            );
        }
    }

    #[test]
    fn unknown_addresses_are_no_route() {
        for path in [
            "/part/0",
            "/part/7",
            "/part/x",
            "/facilitator/guides",
            "/guide",
            "/index.html",
            "/nothing",
            "",
            "part/1",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
        assert_eq!(Route::at("/cp", "/cp"), Some(Route::Welcome));
        assert_eq!(Route::at("/cp", "/cpx/part/3"), None);
        assert_eq!(Route::at("/cp", "/part/3"), None);
        assert_eq!(Route::at("", "/results/"), Some(Route::Results));
    }

    #[test]
    fn parts_lead_to_their_neighbours() {
        let first = PartId::ALL[0];
        let last = PartId::ALL[PartId::ALL.len() - 1];
        assert_eq!(Route::before(first), Route::Welcome);
        assert_eq!(Route::after(last), Route::Review);
        assert_eq!(Route::after(first), Route::Part(PartId::ALL[1]));
    }
}
