//! `$EDITOR` bulk rename: hands the screen to the user's editor with one name per line in a
//! temporary file, then takes it back. The runtime stops reading keys meanwhile so the editor
//! gets all of them.

use std::io::Write;

/// Runs the user's editor (see [`crate::edit::Editor`]) on a file holding `names`; returns the
/// edited text. Blocking: call it from the blocking pool with the terminal suspended.
pub fn edit_names(names: &[String], editor: &crate::edit::Editor) -> Result<String, String> {
    let text = crate::plan::editor::render(names).map_err(|e| e.to_string())?;
    let mut file = tempfile::Builder::new()
        .prefix("panfm-rename-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| e.to_string())?;
    editor
        .open(file.path())
        .map_err(|why| format!("{why}; nothing renamed"))?;
    std::fs::read_to_string(file.path()).map_err(|e| format!("cannot read the edited names: {e}"))
}
