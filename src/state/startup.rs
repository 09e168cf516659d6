//! How a page waits for the start-up ([`AppState::loaded`]) and how a first visit's
//! saved answers' module is asked for ([`AppState::open_saved_after_paint`]). What is
//! fetched, and in which order, is `crate::boot`'s; where it stands is [`super::Startup`].
//!
//! On a first visit nothing is saved, so a page need not wait for the saved answers'
//! module: it renders once the content is there ([`super::Startup::Fresh`]) and asks for
//! that module after it is painted, which keeps the module off the way to the first
//! question on a slow connection (docs/performance.md).

use std::task::{Poll, Waker};

use leptos::prelude::*;

use super::{AppState, SavedModule, Startup};
use crate::browser;
use crate::load_error::LoadError;

impl AppState {
    /// Resolves once a page can render — the content is there, and the saved answers are
    /// taken over or known to be none — fetching what is missing if nobody has asked yet;
    /// everyone who asks meanwhile waits for the same fetch. After a failure the next call
    /// tries again.
    ///
    /// # Errors
    /// What could not be loaded.
    pub async fn loaded(self) -> Result<(), LoadError> {
        let ready = self.startup.try_with_untracked(Startup::lets_pages_render);
        if ready != Some(false) {
            // Ready (perhaps taken over before the first render), or the app is gone.
            return Ok(());
        }
        let start = self.loader.try_update_value(|loader| {
            let idle = loader.waiting.is_none();
            idle.then(|| {
                loader.waiting = Some(Vec::new());
                (loader.loads.load)(self)
            })
        });
        if let Some(load) = start.flatten() {
            leptos::task::spawn_local(async move {
                // The outcome is in `startup`, which the load sets.
                let _ = load.await;
                let waiting = self.loader.try_update_value(|l| l.waiting.take());
                waiting
                    .flatten()
                    .into_iter()
                    .flatten()
                    .for_each(Waker::wake);
            });
        }
        // Wait until it has run; then the start-up says how it went.
        std::future::poll_fn(|cx| {
            let running = self
                .loader
                .try_update_value(|loader| match &mut loader.waiting {
                    Some(waiting) => {
                        waiting.push(cx.waker().clone());
                        true
                    }
                    None => false,
                });
            if running == Some(true) {
                Poll::Pending
            } else {
                Poll::Ready(())
            }
        })
        .await;
        self.startup
            .try_with_untracked(|s| match s {
                Startup::Failed(e) => Err(e.clone()),
                _ => Ok(()),
            })
            .unwrap_or(Ok(()))
    }

    /// On a first visit, asks for the saved answers' module once the next frame is
    /// painted (the page that asks is then on screen), unless it is there or on its way.
    /// Anywhere else it does nothing.
    pub fn open_saved_after_paint(self) {
        if self
            .startup
            .try_with_untracked(|s| matches!(s, Startup::Fresh(_)))
            != Some(true)
        {
            return;
        }
        leptos::task::spawn_local(async move {
            browser::after_next_paint().await;
            let asked = self.startup.try_update(|s| match s {
                Startup::Fresh(SavedModule::Waiting | SavedModule::Unreachable) => {
                    *s = Startup::Fresh(SavedModule::Fetching);
                    true
                }
                _ => false,
            });
            if asked != Some(true) {
                return;
            }
            if let Some(open) = self.loader.try_with_value(|l| l.loads.open_saved.clone()) {
                // The outcome is in `startup`, which the load sets.
                let _ = open(self).await;
            }
        });
    }
}
