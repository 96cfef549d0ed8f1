//! One small stable sort for everything the module sorts at query time.
//!
//! The standard library's sorts are fast but instantiated for every pair of
//! element type and comparison: in the WebAssembly module they came to 98
//! functions and 15 KB of its gzipped download, more than the analyzer,
//! parser and excerpts together (measured with `scripts/size.sh`). This merge
//! sort is compiled once: it sorts positions, comparing the items at them
//! through a trait object; only moving the items into that order (swaps, no
//! copies) is instantiated per element type. What it sorts at query time is
//! short (lists of a word's forms, the results of a page) or a few thousand
//! entries at most.

/// Sorts `items` stably by `less` (a strict order: `less(a, b)` when `a`
/// goes before `b`).
///
/// ```
/// let mut words = vec!["بحث", "في", "العلاقات", "من"];
/// bahth::sort::sort_by(&mut words, &|a, b| a.len() < b.len());
/// assert_eq!(words, ["في", "من", "بحث", "العلاقات"]);
/// ```
pub fn sort_by<T>(items: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    merge_sort(&mut order, &mut Vec::new(), &|a, b| less(&items[a], &items[b]));
    // Item `order[i]` goes to `i`: follow each cycle of the permutation,
    // marking the places done.
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start {
            let from = std::mem::replace(&mut order[at], at);
            items.swap(at, from);
            at = from;
        }
        order[at] = at;
    }
}

/// Sorts positions stably by `less` over them.
fn merge_sort(items: &mut [usize], buffer: &mut Vec<usize>, less: &dyn Fn(usize, usize) -> bool) {
    let n = items.len();
    if n <= 12 {
        // Insertion sort: stable, and the fastest for short runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(items[j], items[j - 1]) {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let middle = n / 2;
    merge_sort(&mut items[..middle], buffer, less);
    merge_sort(&mut items[middle..], buffer, less);
    if !less(items[middle], items[middle - 1]) {
        return; // already in order
    }
    buffer.clear();
    buffer.extend_from_slice(&items[..middle]);
    // Merge the left half (now in `buffer`) and the right half into place:
    // the write position never passes the right half's read position.
    let (mut left, mut right, mut out) = (0, middle, 0);
    while left < buffer.len() && right < n {
        if less(items[right], buffer[left]) {
            items[out] = items[right];
            right += 1;
        } else {
            items[out] = buffer[left];
            left += 1;
        }
        out += 1;
    }
    for &item in &buffer[left..] {
        items[out] = item;
        out += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut state = 1u64;
        for n in [0, 1, 2, 5, 12, 13, 40, 100, 1000, 5000] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((state >> 40) as u32 % 50, i) // many equal keys: stability shows
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, &|a, b| a.0 < b.0);
            let mut theirs = items;
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "{n} items");
        }
    }
}
