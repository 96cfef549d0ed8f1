//! Checks that the dictionary's fst bytes can be walked without reading out
//! of bounds.
//!
//! The `fst` crate reads its nodes with unchecked slicing: bytes that are not
//! an fst (but pass the section's checksum, because it was forged) would
//! make it panic, and a panic in WebAssembly ends the module. So before an
//! index is opened, every node reachable from the root is decoded here the
//! way `fst` 0.4 decodes it (format version 3, `src/raw/node.rs`), checking
//! each byte it would read and each transition's target (children come before
//! their parents, which also bounds the walk). It costs one pass over the
//! dictionary, at open.

use fst::raw::Fst;

/// Transitions from which a node carries a 256-byte index (fst's constant).
const TRANS_INDEX_THRESHOLD: usize = 32;
/// The address of the empty final node, which has no bytes.
const EMPTY_ADDRESS: usize = 0;

/// The fst in `bytes`, if every node of it decodes within them.
pub fn open(bytes: &[u8]) -> Option<Fst<&[u8]>> {
    // `Fst::new` adds to the root address before comparing it with the
    // length: the trailer is checked first.
    root_address(bytes)?;
    let fst = Fst::new(bytes).ok()?;
    is_sound(&fst).then_some(fst)
}

/// The root node's address from the trailer (version, …, root address u64,
/// checksum u32), if the version is 3 and the address within the bytes.
fn root_address(bytes: &[u8]) -> Option<usize> {
    let word = |at: usize| bytes.get(at..at + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()));
    let (version, root) = (word(0)?, word(bytes.len().checked_sub(12)?)?);
    (version == 3 && root < bytes.len() as u64).then_some(root as usize)
}

/// Does every node reachable from the root decode within the bytes?
fn is_sound(fst: &Fst<&[u8]>) -> bool {
    let data = fst.as_bytes();
    let Some(root) = root_address(data) else { return false };
    // Nodes live before the trailer (length, root address, checksum).
    let Some(limit) = data.len().checked_sub(20) else { return false };
    let mut seen = vec![false; limit];
    let mut stack = vec![root];
    while let Some(addr) = stack.pop() {
        if addr == EMPTY_ADDRESS {
            continue;
        }
        if addr >= limit {
            return false;
        }
        if std::mem::replace(&mut seen[addr], true) {
            continue;
        }
        let Some(targets) = node_targets(&data[..=addr]) else { return false };
        for target in targets {
            // Children are written before their parents.
            if target != EMPTY_ADDRESS && target >= addr {
                return false;
            }
            stack.push(target);
        }
    }
    true
}

/// The transition targets of the node ending at the last byte of `data`, or
/// `None` if decoding it would read outside `data`.
fn node_targets(data: &[u8]) -> Option<Vec<usize>> {
    let start = data.len() - 1; // the state byte
    let state = data[start];
    let sizes = |at: usize| data.get(at).map(|&b| ((b >> 4) as usize, (b & 0x0f) as usize));
    match state >> 6 {
        // One transition to the node just before this one.
        0b11 => {
            let input_len = usize::from(state & 0b11_1111 == 0);
            let end = start.checked_sub(input_len)?;
            Some(vec![end.checked_sub(1)?])
        }
        // One transition, with an output and a packed address.
        0b10 => {
            let input_len = usize::from(state & 0b11_1111 == 0);
            let (tsize, osize) = sizes(start.checked_sub(input_len + 1)?)?;
            let end = start.checked_sub(input_len + 1 + tsize + osize)?;
            if !(1..=8).contains(&tsize) || osize > 8 {
                return None;
            }
            let at = start - input_len - 1 - tsize;
            Some(vec![target(data, at, tsize, end)?])
        }
        // Any number of transitions, maybe final.
        _ => {
            let is_final = state & 0b0100_0000 != 0;
            let in_state = (state & 0b11_1111) as usize;
            let ntrans_len = usize::from(in_state == 0);
            let ntrans = match in_state {
                0 => match *data.get(start.checked_sub(1)?)? {
                    1 => 256,
                    n => n as usize,
                },
                n => n,
            };
            let (tsize, osize) = sizes(start.checked_sub(ntrans_len + 1)?)?;
            if tsize > 8 || osize > 8 || (ntrans > 0 && tsize == 0) {
                return None;
            }
            let index = if ntrans > TRANS_INDEX_THRESHOLD { 256 } else { 0 };
            let total_trans = ntrans + ntrans * tsize + index;
            let final_osize = if is_final { osize } else { 0 };
            let end = start.checked_sub(ntrans_len + 1 + total_trans + ntrans * osize + final_osize)?;
            let inputs_end = start - ntrans_len - 1 - index; // inputs before the index
            let mut targets = Vec::with_capacity(ntrans);
            for i in 0..ntrans {
                let at = inputs_end - ntrans - (i + 1) * tsize;
                targets.push(target(data, at, tsize, end)?);
            }
            Some(targets)
        }
    }
}

/// The target of a transition whose packed delta starts at `at` (`tsize`
/// bytes, little-endian), counted back from the node's `end`.
fn target(data: &[u8], at: usize, tsize: usize, end: usize) -> Option<usize> {
    let bytes = data.get(at..at.checked_add(tsize)?)?;
    let delta = bytes.iter().rev().fold(0u64, |n, &b| n << 8 | u64::from(b));
    let delta = usize::try_from(delta).ok()?;
    if delta == EMPTY_ADDRESS {
        Some(EMPTY_ADDRESS)
    } else {
        end.checked_sub(delta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fst_of(keys: &[&str]) -> Vec<u8> {
        let mut builder = fst::MapBuilder::memory();
        for (i, k) in keys.iter().enumerate() {
            builder.insert(k, i as u64 * 1000).unwrap();
        }
        builder.into_inner().unwrap()
    }

    #[test]
    fn real_dictionaries_are_sound() {
        let mut many: Vec<String> = (0..3000).map(|i| format!("ك{i}ب")).collect();
        many.extend((0..300u32).map(|i| char::from_u32(0x600 + i).unwrap().to_string()));
        many.sort();
        many.dedup();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for keys in [&["x"][..], &["الثنائية", "العلاقات", "عمان"], &many, &[]] {
            let bytes = fst_of(keys);
            assert!(is_sound(&Fst::new(&bytes[..]).unwrap()), "{} keys", keys.len());
        }
    }

    #[test]
    fn every_single_byte_change_is_caught_or_harmless() {
        // A changed byte either fails the check or leaves an fst that `fst`
        // can walk without panicking (which this test then does).
        let keys: Vec<String> = (0..200).map(|i| format!("كلمة{}", i * 7)).collect();
        let mut keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        keys.sort();
        let bytes = fst_of(&keys);
        for at in 0..bytes.len() {
            for value in [0u8, 1, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xff] {
                let mut changed = bytes.clone();
                changed[at] = value;
                let Ok(fst) = Fst::new(&changed[..]) else { continue };
                if is_sound(&fst) {
                    let map = fst::Map::from(fst);
                    let mut stream = fst::IntoStreamer::into_stream(map.stream());
                    while fst::Streamer::next(&mut stream).is_some() {}
                    let _ = map.get("كلمة7");
                }
            }
        }
    }
}
