//! Deleting local entries: the question (what they hold, counted in the runtime; to the system
//! trash on `y`/Enter, for good on `D`), and the count's answers. Without a usable trash only
//! `D` deletes.

use crate::app::{DeleteAsk, DeleteMsg, Effect, Modal, Model, OpItem, OpSpec, TrashCheck};
use crate::config::Command;
use crate::fs::tally::Tally;
use crate::fs::{EntryKey, Location};

/// Opens the question for `items` of local folder `at` and starts counting them.
pub fn ask(model: &mut Model, at: Location, items: Vec<OpItem>) -> Vec<Effect> {
    let Location::Local(dir) = &at else {
        return vec![];
    };
    let paths = items
        .iter()
        .filter_map(|i| match &i.key {
            EntryKey::Local(raw) => Some(dir.join(raw)),
            _ => None,
        })
        .collect();
    let ticket = model.take_ticket();
    model.modal = Some(Modal::DeleteAsk(DeleteAsk {
        at,
        items,
        ticket,
        tally: Tally::default(),
        counted: false,
        trash: TrashCheck::Checking,
    }));
    vec![Effect::CountLocal { ticket, paths }]
}

/// Keys in the question.
pub fn question(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::DeleteAsk(ask)) = &model.modal else {
        return vec![];
    };
    match cmd {
        Command::Accept | Command::Yes => match &ask.trash {
            TrashCheck::Available => decide(model, true),
            TrashCheck::Checking => {
                model.info("Still checking whether the system trash can take them…");
                vec![]
            }
            TrashCheck::Unavailable(_) => {
                model.error("No system trash can take them here: D deletes for good, n keeps them");
                vec![]
            }
        },
        Command::DeleteForGood => decide(model, false),
        Command::Escape => {
            model.modal = None;
            vec![Effect::StopCount]
        }
        _ => vec![],
    }
}

fn decide(model: &mut Model, to_trash: bool) -> Vec<Effect> {
    let Some(Modal::DeleteAsk(ask)) = model.modal.take() else {
        return vec![];
    };
    // The marks were the question's items; they are spent once it is answered.
    super::moves::clear(model);
    let (at, items) = (ask.at, ask.items);
    let spec = match to_trash {
        true => OpSpec::Trash { at, items },
        false => OpSpec::Delete { at, items },
    };
    vec![Effect::StopCount, super::moves::start(model, spec)]
}

pub fn update(model: &mut Model, msg: DeleteMsg) {
    let Some(Modal::DeleteAsk(ask)) = &mut model.modal else {
        return;
    };
    match msg {
        DeleteMsg::Counted {
            ticket,
            tally,
            done,
        } if ticket == ask.ticket => (ask.tally, ask.counted) = (tally, done),
        DeleteMsg::Trash { ticket, result } if ticket == ask.ticket => {
            ask.trash = match result {
                Ok(()) => TrashCheck::Available,
                Err(why) => TrashCheck::Unavailable(why),
            };
        }
        _ => {}
    }
}
