//! Sorting with one compiled sort for the whole program.
//!
//! Every `sort_by` with its own closure compiles the standard library's whole sort again
//! (about 3 KiB of wasm each); with thirty call sites that was the largest piece of library
//! code in the app. Here each call sorts positions with one comparison through a `dyn Fn`, so
//! the sort itself is compiled once, and the elements are then put in that order.

use std::cmp::Ordering;

/// The positions `0..n` ordered by `cmp`, stably: the one sort the program compiles.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|a, b| cmp(*a, *b));
    positions
}

/// Puts `v` in `order` (`order[i]` is the old position of the element that goes to `i`).
fn apply<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        // Follow the positions already moved: the element that belongs at `i` now sits at
        // the end of its chain.
        let mut j = order[i];
        while j < i {
            j = order[j];
        }
        order[i] = j;
        v.swap(i, j);
    }
}

/// Sorts stably by a comparison, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    apply(v, positions);
}

/// Sorts stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts stably in the elements' own order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut seed = 7u64;
        for n in 0..60 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |e| e.0);
            let mut std = v.clone();
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "n = {n}");
        }
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }
}
