//! Switching the theme at run time: `Msg::SetTheme` asks the runtime to load it (a user theme
//! is a file), and the styles it answers with replace the model's.

use crate::app::Model;
use crate::config::Styles;

pub fn loaded(model: &mut Model, name: String, result: Result<Styles, String>) {
    match result {
        Ok(styles) => {
            model.styles = styles;
            model.info(format!("Theme {name}"));
            model.settings.theme = name;
        }
        Err(why) => model.error(why),
    }
}
