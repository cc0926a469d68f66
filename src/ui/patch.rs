//! Puts new HTML into an element by changing only the nodes that differ, so a keystroke in
//! one timeline row re-lays out one row of the preview's table, not the whole section.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTemplateElement, Node};

/// Makes `target`'s content equal to `html`, keeping every node that is already right.
pub fn patch_inner_html(target: &Element, html: &str) {
    if !target.has_child_nodes() {
        target.set_inner_html(html);
        return;
    }
    let Some(template) = document_template() else {
        target.set_inner_html(html);
        return;
    };
    template.set_inner_html(html);
    let fresh: Node = template.content().into();
    patch_children(target.as_ref(), &fresh);
}

fn document_template() -> Option<HtmlTemplateElement> {
    web_sys::window()?
        .document()?
        .create_element("template")
        .ok()?
        .dyn_into()
        .ok()
}

fn children(node: &Node) -> Vec<Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Keeps the equal nodes at both ends, and patches or replaces what lies between.
fn patch_children(old_parent: &Node, new_parent: &Node) {
    let old = children(old_parent);
    let new = children(new_parent);
    let same = |a: &Node, b: &Node| a.is_equal_node(Some(b));
    let mut start = 0;
    while start < old.len() && start < new.len() && same(&old[start], &new[start]) {
        start += 1;
    }
    let mut end = 0;
    while end < old.len() - start
        && end < new.len() - start
        && same(&old[old.len() - 1 - end], &new[new.len() - 1 - end])
    {
        end += 1;
    }
    let old_mid = &old[start..old.len() - end];
    let new_mid = &new[start..new.len() - end];
    if old_mid.len() == new_mid.len() {
        for (o, n) in old_mid.iter().zip(new_mid) {
            patch_node(old_parent, o, n);
        }
        return;
    }
    let anchor = old.get(old.len() - end);
    for o in old_mid {
        let _ = old_parent.remove_child(o);
    }
    for n in new_mid {
        let _ = old_parent.insert_before(n, anchor);
    }
}

/// An element with the same tag and attributes keeps itself and has its children patched;
/// a text changes its data; anything else is replaced.
fn patch_node(parent: &Node, old: &Node, new: &Node) {
    let both_elements =
        old.node_type() == Node::ELEMENT_NODE && new.node_type() == Node::ELEMENT_NODE;
    if both_elements {
        let shell_equal = old
            .clone_node()
            .ok()
            .zip(new.clone_node().ok())
            .is_some_and(|(a, b)| a.is_equal_node(Some(&b)));
        if shell_equal {
            patch_children(old, new);
            return;
        }
    } else if old.node_type() == Node::TEXT_NODE && new.node_type() == Node::TEXT_NODE {
        old.set_node_value(new.node_value().as_deref());
        return;
    }
    let _ = parent.replace_child(new, old);
}
