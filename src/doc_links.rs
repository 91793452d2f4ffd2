//! The Markdown documents (README.md, docs/*.md) link each other and the screenshots by
//! relative paths; this test holds every such link to a file that exists.

use std::path::Path;

/// `text` without code blocks and code spans, where `[name](url)` is an example, not a link.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.extend(line.split('`').step_by(2));
            out.push('\n');
        }
    }
    out
}

/// The relative targets of `[text](target)` links and images in `text`, anchors cut off.
fn relative_links(text: &str) -> Vec<&str> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|t| t.split('#').next().unwrap_or(t))
        .filter(|t| !t.is_empty() && !t.contains("://") && !t.contains(' '))
        .collect()
}

#[test]
fn relative_links_of_the_documents_resolve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            documents.push(path);
        }
    }
    let mut checked = 0;
    for doc in &documents {
        let text = prose(&std::fs::read_to_string(doc).unwrap());
        let dir = doc.parent().unwrap();
        for target in relative_links(&text) {
            assert!(
                dir.join(target).exists(),
                "{}: the link to {target} leads nowhere",
                doc.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} links found");
}

#[test]
fn links_are_found_and_anchors_cut() {
    let text = "see [a](docs/a.md#x), ![s](../s.png) and [w](https://x.org/a)";
    assert_eq!(relative_links(text), ["docs/a.md", "../s.png"]);
    let code = "a `[n](url)` b\n```\n[x](y.md)\n```\n[z](z.md)\n";
    assert_eq!(relative_links(&prose(code)), ["z.md"]);
}
